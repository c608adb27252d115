/**
 * Generates the sample chat logs in examples/logs/ by playing chats through the example flows
 * with the real simulator (language/simulator.ts), so every logged step is a step the flow can
 * take. Seeded: the same files every run.
 *
 *   npx tsx scripts/generate-sample-logs.ts          # writes examples/logs/*
 *
 * What the data shows (30 days ending 2026-11-20, versions v1, v2 from 2026-11-01, and for the
 * clinic v3 from 2026-11-09):
 * - Clinic (JSON Lines, with channel and source): more drop-outs at the sensitive inputs (name,
 *   date of birth, symptoms) and most at the phone number, which v2 asks with a reason: far fewer
 *   drop there in v2; v3 explains why it asks the date of birth: fewer drop there.
 * - Times are a person's: reading the bot's messages by their length, typing answers by theirs, a
 *   long tail of slow answers, a few chats paused for minutes that come back before the timeout,
 *   and many who leave after the bot did not understand their answer.
 * - Refill (CSV, with channel and source, and the pharmacy's shared Common boxes): identity check
 *   and prescription number. The `delivery_offer` split: arm b (delivery within 2 days) loses fewer
 *   patients before the refill is ordered than arm a.
 * - Dental (Rasa tracker dump): actions and utterances by alias, slots holding PHI (never stored),
 *   a fallback action the flow does not know.
 * Names, dates of birth, phone numbers (555-01xx) and emails (example.com) are fake; they are
 * answers to inputs marked sensitive, so the importer redacts them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlowBox, FlowGraph } from '../language/flow-model.js';
import { Simulator, type ChatState } from '../language/simulator.js';
import { loadWorkspace } from '../cli/workspace.js';

export const EXPORT_TS = Date.parse('2026-11-20T18:00:00Z');
export const FIRST_TS = Date.parse('2026-10-22T00:00:00Z');
export const V2_FROM = Date.parse('2026-11-01T00:00:00Z');
export const V3_FROM = Date.parse('2026-11-09T00:00:00Z');

export interface SimEvent {
    chat: string;
    ts: number;
    flow: string;
    version: string;
    /** Box name for the flow's own boxes, `Flow.box` for boxes of another flow. */
    box: string;
    /** `retry`: an answer the box rejected (a typo, free text where buttons were offered). */
    type: 'enter' | 'answer' | 'retry' | 'end';
    text?: string;
    /** Channel and entry source: the channel on every event, the source on the chat's first. */
    channel?: string;
    source?: string;
}

export interface SimChat {
    chat: string;
    version: string;
    events: SimEvent[];
    /** Box ids entered, with the alias each was logged under (for Rasa). */
    enteredBoxes: FlowBox[];
}

/** How simulated users behave in one flow: drop-out chances, choice and outcome weights. */
export interface Behaviour {
    /** Chance the user leaves while the chat waits at this box (by box id); default 0.03. */
    leave: Record<string, number>;
    /** The same, for chats of version v2 (only where v2 differs). */
    leaveV2?: Record<string, number>;
    /** Choice label or action outcome -> weight, by box id. Uniform when absent. */
    weights: Record<string, Record<string, number>>;
    /** The same, for chats of version v3, from V3_FROM (a flow without it stops at v2). */
    leaveV3?: Record<string, number>;
    /** Factor on every leave chance after a split, by arm name: an arm that works keeps more chats. */
    armLeave?: Record<string, number>;
}

/** Versions by start time: every flow has v1 and v2; a flow with `v3` has that from V3_FROM. */
function versionAt(start: number, behaviour: Behaviour): string {
    if (behaviour.leaveV3 && start >= V3_FROM) return 'v3';
    return start < V2_FROM ? 'v1' : 'v2';
}

import { seededRandom } from '../language/seeded-random.js';
import { answeringMs, botDelayMs, PAUSE_SHARE, pauseMs, readingMs } from './sample-timing.js';
import { trafficOf } from './sample-traffic.js';

export { seededRandom };

const FIRST_NAMES = ['Maria', 'James', 'Aisha', 'Wei', 'Olivia', 'Mateo', 'Priya', 'Noah', 'Fatima', 'Liam', 'Sofia', 'Ethan', 'Hana', 'Lucas', 'Amara', 'Daniel', 'Chloe', 'Omar', 'Grace', 'Kenji'];
const LAST_NAMES = ['Lopez', 'Okafor', 'Nguyen', 'Smith', 'Haddad', 'Kowalski', 'Patel', 'Johnson', 'Rossi', 'Kim', 'Garcia', 'Brown', 'Silva', 'Novak', 'Mensah', "O'Neill", 'Fischer', 'Ito', 'Martin', 'Dubois'];
const REASONS = ['Follow-up on blood pressure', 'Persistent cough for two weeks', 'Annual physical', 'Sore throat and fever', 'Back pain after lifting', 'Rash on my arm', 'Flu shot', 'Migraine, again', 'Knee pain when running', 'Prescription renewal'];

/** Fake answers by input type; `valid` false gives the typos real users make. */
export function fakeAnswer(box: FlowBox, random: () => number, valid: boolean): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const person = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    switch (box.input?.type) {
        case 'phone': return valid ? `(555) 01${digits(1)}-${digits(4)}` : pick(['555-01', 'call me', 'my cell']);
        case 'email': {
            const [first, last] = person.toLowerCase().replace("'", '').split(' ');
            return valid ? `${first}.${last}${digits(2)}@example.com` : `${first}.${last}`;
        }
        case 'date': {
            const year = 1940 + Math.floor(random() * 68);
            const day = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString().slice(0, 10);
            return valid ? day : day.split('-').reverse().join('/');
        }
        case 'number': return valid ? String(Math.max(1, Math.min(95, Math.round(18 + random() * 60 - (random() < 0.1 ? 10 : 0))))) : 'forty';
        case 'yesno': return valid ? pick(['yes', 'no', 'yes', 'no', 'y']) : pick(['yes, please', 'not sure', 'maybe']);
        default: {
            if (box.input?.validation?.kind === 'pattern' && /0-9\]\{7\}/.test(box.input.validation.pattern)) {
                return valid ? (random() < 0.1 ? `it says "${digits(7)}"` : digits(7)) : digits(5);
            }
            if (box.input?.variable?.includes('name')) return valid ? person : '?';
            return valid ? pick(REASONS) : '';
        }
    }
}

/** Plays one chat through the flow; returns its events (cut at the export time). Splits take an arm by their weights. */
export function simulateChat(graph: FlowGraph, behaviour: Behaviour, chat: string, start: number, random: () => number, cutoff = EXPORT_TS): SimChat {
    const version = versionAt(start, behaviour);
    const simulator = new Simulator(graph, { random });
    const traffic = trafficOf(graph.flow, random);
    const events: SimEvent[] = [];
    const entered: FlowBox[] = [];
    const nameOf = (box: FlowBox) => (box.flow === graph.flow ? box.name : box.id);
    const log = (box: FlowBox, type: SimEvent['type'], text?: string) => {
        const event: SimEvent = { chat, ts: t, flow: graph.flow, version, box: nameOf(box), type };
        if (text !== undefined) event.text = text;
        if (traffic) {
            event.channel = traffic.channel;
            if (events.length === 0) event.source = traffic.source;
        }
        events.push(event);
    };
    let t = start;
    let shown: string[] = [];
    const enterNew = (state: ChatState, from: number) => {
        for (const id of state.path.slice(from)) {
            const box = simulator.box(id)!;
            entered.push(box);
            log(box, 'enter');
            if (box.text) shown.push(box.text);
            t += botDelayMs(random);
        }
    };
    let state = simulator.start();
    enterNew(state, 0);
    const paused = random() < PAUSE_SHARE;
    const pauseAt = paused ? 1 + Math.floor(random() * 4) : -1;
    for (let steps = 0; steps < 80 && state.status === 'waiting'; steps++) {
        const box = simulator.box(state.current!)!;
        const armTaken = Object.values(state.arms ?? {})[0];
        const leaveBase = (version === 'v3' ? behaviour.leaveV3?.[box.id] : undefined)
            ?? (version !== 'v1' ? behaviour.leaveV2?.[box.id] : undefined) ?? behaviour.leave[box.id] ?? 0.03;
        const leave = leaveBase * (armTaken ? behaviour.armLeave?.[armTaken] ?? 1 : 1);
        const awaiting = state.awaiting!;
        t += readingMs(shown, random);
        shown = [];
        if (steps === pauseAt) t += pauseMs(random);
        if (random() < leave) {
            // Many leave after the bot did not understand them: their last event is that answer.
            if (awaiting.kind !== 'outcome' && random() < 0.55) {
                const text = awaiting.kind === 'choice' ? unmatchedChoice(random) : fakeAnswer(box, random, false);
                t += answeringMs(awaiting.kind, text, box.input?.sensitive ?? false, random);
                log(box, 'retry', text);
            }
            break;
        }
        const before = state.path.length;
        if (awaiting.kind === 'outcome') {
            t += answeringMs('action', '', false, random);
            state = simulator.outcome(state, weighted(awaiting.outcomes.map(o => o.name), behaviour.weights[box.id], random)).state;
        } else {
            const text = awaiting.kind === 'choice'
                ? weighted(awaiting.options.map(o => o.label), behaviour.weights[box.id], random)
                : fakeAnswer(box, random, random() > 0.08);
            t += answeringMs(awaiting.kind, text, box.input?.sensitive ?? false, random);
            const result = awaiting.kind === 'choice' ? simulator.choose(state, text) : simulator.answer(state, text);
            log(box, result.ok && result.state.path.length > before ? 'answer' : 'retry', text);
            state = result.state;
            if (state.path.length === before) shown.push(state.transcript.at(-1)?.text ?? '');
            t += botDelayMs(random);
        }
        enterNew(state, before);
    }
    if (state.status === 'ended' || state.status === 'handoff') log(simulator.box(state.current!)!, 'end');
    return { chat, version, events: events.filter(e => e.ts <= cutoff), enteredBoxes: entered };
}

/** What people type where the bot offered buttons. */
function unmatchedChoice(random: () => number): string {
    const texts = ['how much is it', 'what?', 'I need to talk to someone', 'none of these', 'can I come today', 'ok'];
    return texts[Math.floor(random() * texts.length)];
}

function weighted(options: readonly string[], weights: Record<string, number> | undefined, random: () => number): string {
    const w = options.map(o => weights?.[o] ?? 1);
    let r = random() * w.reduce((a, b) => a + b, 0);
    for (let i = 0; i < options.length; i++) {
        r -= w[i];
        if (r < 0) return options[i];
    }
    return options[options.length - 1];
}

/** Chat start times over the window: busier on weekdays and in US daytime (14:00-23:00 UTC). */
export function chatStarts(count: number, random: () => number, from = FIRST_TS, to = EXPORT_TS): number[] {
    const starts: number[] = [];
    while (starts.length < count) {
        const ts = from + Math.floor(random() * (to - from));
        const date = new Date(ts);
        const hour = date.getUTCHours();
        const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
        const busy = (hour >= 14 && hour <= 23 ? 1 : 0.25) * (weekend ? 0.6 : 1);
        if (random() < busy) starts.push(ts);
    }
    return starts.sort((a, b) => a - b);
}

export const BEHAVIOUR: Record<string, Behaviour> = {
    Clinic: {
        leave: {
            'Clinic.main_menu': 0.06, 'Clinic.ask_name': 0.07, 'Clinic.ask_dob': 0.1, 'Clinic.ask_symptoms': 0.08,
            'Clinic.ask_phone': 0.22, 'Clinic.slot_full': 0.15, 'Clinic.offer_callback': 0.15, 'Clinic.anything_else': 0.35
        },
        leaveV2: { 'Clinic.ask_phone': 0.07 },
        leaveV3: { 'Clinic.ask_dob': 0.05 },
        weights: {
            'Clinic.main_menu': { 'Book an appointment': 55, 'Opening hours and address': 15, 'Insurance questions': 12, 'Something urgent': 8, 'Talk to the front desk': 10 },
            'Clinic.urgent_check': { Yes: 15, No: 85 },
            'Clinic.anything_else': { 'Book an appointment': 25, 'No, thanks': 75 },
            'Clinic.slot_full': { 'Pick another day': 55, 'Call me back instead': 45 },
            'Clinic.book_slot': { booked: 78, full: 14, error: 8 }
        }
    },
    Refill: {
        leave: {
            'Common.ask_dob': 0.12, 'Refill.ask_rx_number': 0.1, 'Common.identity_failed': 0.2, 'Refill.rx_not_found': 0.2,
            'Refill.ask_delivery': 0.14, 'Refill.ask_delivery_dated': 0.14
        },
        // A delivery date (arm b) keeps more patients until the refill is ordered.
        armLeave: { a: 1, b: 0.55 },
        weights: {
            'Refill.main_menu': { 'Refill a prescription': 70, 'Store hours': 15, 'Talk to a pharmacist': 15 },
            'Common.check_identity': { verified: 85, mismatch: 10, error: 5 },
            'Common.identity_failed': { 'Try again': 60, 'Talk to a pharmacist': 40 },
            'Refill.lookup_rx': { refillable: 75, no_refills_left: 15, not_found: 10 },
            'Refill.rx_not_found': { 'Try another number': 60, 'Talk to a pharmacist': 40 },
            'Refill.submit_refill': { submitted: 95, error: 5 }
        }
    },
    Dental: {
        leave: { 'Dental.ask_name': 0.1, 'Dental.ask_email': 0.1, 'Dental.ask_phone': 0.15, 'Dental.offer_consult': 0.2 },
        weights: {
            'Dental.main_menu': { 'New patient special': 35, 'Teeth whitening': 25, 'Dental implants': 20, 'Insurance questions': 10, 'Talk to our team': 10 },
            'Dental.contact_preference': { Email: 55, 'Phone call': 45 },
            'Dental.save_lead': { created: 80, duplicate: 15, error: 5 },
            'Dental.offer_consult': { 'Yes, book it': 45, 'Not right now': 55 },
            'Dental.book_consult': { booked: 85, no_slots: 15 }
        }
    }
};

export function simulateFlow(graph: FlowGraph, count: number, prefix: string, seed: number): SimChat[] {
    const random = seededRandom(seed);
    const starts = chatStarts(count, random);
    const width = String(count).length;
    return starts.map((start, i) => simulateChat(graph, BEHAVIOUR[graph.flow], `${prefix}-${String(i + 1).padStart(width, '0')}`, start, random));
}

/** Chats interleave in a real log: all events sorted by time (chats keep their own order). */
export function byTime(chats: readonly SimChat[]): SimEvent[] {
    return chats.flatMap(c => c.events).sort((a, b) => a.ts - b.ts);
}

export function jsonLine(event: SimEvent): string {
    const { chat, flow, version, box, type, text, channel, source } = event;
    return JSON.stringify({
        chat, ts: iso(event.ts), flow, version, box, type,
        ...(text === undefined ? {} : { text }), ...(channel === undefined ? {} : { channel }), ...(source === undefined ? {} : { source })
    });
}

export const CSV_HEADER = 'chat,ts,flow,version,box,type,text,goal,channel,source';

export function csvLine(event: SimEvent): string {
    return [event.chat, iso(event.ts), event.flow, event.version, event.box, event.type, event.text ?? '', '', event.channel ?? '', event.source ?? ''].map(csvField).join(',');
}

function csvField(value: string): string {
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Seconds, no milliseconds: what most bot platforms log. */
function iso(ts: number): string {
    return new Date(Math.floor(ts / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A Rasa tracker per chat: session start, the user's greeting, then each entered box as the
 * action named by its alias (an `utter_` action also logs its `bot` message), each answer as a
 * `user` message (and the slot it fills), action_listen between turns. Boxes without an alias
 * (conditions) are invisible to Rasa, as they would be in a real bot.
 */
export function rasaTracker(chat: SimChat, random: () => number): object {
    const events: object[] = [];
    const seconds = (ts: number) => Math.round(ts) / 1000;
    const metadata = { model_id: chat.version };
    const first = chat.events[0]?.ts ?? FIRST_TS;
    events.push({ event: 'action', timestamp: seconds(first - 900), name: 'action_session_start', metadata });
    events.push({ event: 'session_started', timestamp: seconds(first - 899), metadata });
    events.push({ event: 'action', timestamp: seconds(first - 898), name: 'action_listen', metadata });
    events.push({ event: 'user', timestamp: seconds(first - 500), text: 'hi', parse_data: { intent: { name: 'greet', confidence: 0.98 }, entities: [] }, metadata });
    const slots: Record<string, string> = {};
    let entered = 0;
    for (const event of chat.events) {
        if (event.type === 'enter') {
            const box = chat.enteredBoxes[entered++];
            const alias = box.aliases[0];
            if (!alias) continue;
            events.push({ event: 'action', timestamp: seconds(event.ts), name: alias, metadata });
            if (alias.startsWith('utter_')) events.push({ event: 'bot', timestamp: seconds(event.ts + 5), text: box.text ?? '', metadata: { ...metadata, utter_action: alias } });
        } else if (event.type === 'answer' || event.type === 'retry') {
            events.push({ event: 'action', timestamp: seconds(event.ts - 2000), name: 'action_listen', metadata });
            if (random() < 0.04) events.push({ event: 'action', timestamp: seconds(event.ts - 1000), name: 'action_default_fallback', metadata });
            events.push({ event: 'user', timestamp: seconds(event.ts), text: event.text, parse_data: { intent: { name: 'inform', confidence: 0.9 }, entities: [] }, metadata });
            const box = chat.enteredBoxes[entered - 1];
            if (event.type === 'answer' && box?.input?.variable) {
                slots[box.input.variable] = event.text ?? '';
                events.push({ event: 'slot', timestamp: seconds(event.ts + 1), name: box.input.variable, value: event.text });
            }
        }
    }
    return { sender_id: chat.chat, slots, latest_event_time: seconds(chat.events.at(-1)?.ts ?? first), events };
}

export async function loadExampleGraphs(root: string): Promise<Map<string, FlowGraph>> {
    const files = ['clinic', 'dental', 'pharmacy-common', 'pharmacy-refill'].map(f => path.join(root, 'examples', `${f}.chatflow`));
    const workspace = await loadWorkspace(files);
    const graphs = new Map<string, FlowGraph>();
    for (const document of workspace.documents) {
        for (const graph of workspace.services.flow.FlowGraphBuilder.buildDocument(document)) graphs.set(graph.flow, graph);
    }
    return graphs;
}

async function main(): Promise<void> {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const graphs = await loadExampleGraphs(root);
    const out = path.join(root, 'examples', 'logs');
    fs.mkdirSync(out, { recursive: true });

    const clinic = simulateFlow(graphs.get('Clinic')!, 2400, 'c', 20261120);
    fs.writeFileSync(path.join(out, 'clinic-2026-11.jsonl'), byTime(clinic).map(jsonLine).join('\n') + '\n');

    const refill = simulateFlow(graphs.get('Refill')!, 3000, 'rx', 4821907);
    fs.writeFileSync(path.join(out, 'pharmacy-refill-2026-11.csv'), [CSV_HEADER, ...byTime(refill).map(csvLine)].join('\n') + '\n');

    const dental = simulateFlow(graphs.get('Dental')!, 100, 'fb', 79);
    const random = seededRandom(2026);
    fs.writeFileSync(path.join(out, 'dental-rasa-trackers.json'), JSON.stringify(dental.map(chat => rasaTracker(chat, random))) + '\n');

    for (const name of fs.readdirSync(out).sort()) {
        console.log(`${path.join('examples', 'logs', name)}: ${(fs.statSync(path.join(out, name)).size / 1e6).toFixed(2)} MB`);
    }
    console.log(`${clinic.length + refill.length + dental.length} chats`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch(error => {
        console.error(error);
        process.exitCode = 1;
    });
}
