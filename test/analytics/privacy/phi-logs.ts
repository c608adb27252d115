import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import type { PrivacyStatus } from '../../../analytics/model.js';
import { graphsOf, openStore, ROOT, tempFolder } from '../helpers.js';

/**
 * Synthetic intake chats full of realistic fake PHI, written in every import format, for the
 * Lakeside intake flow (test/fixtures/privacy/intake.chatflow). Every value is made up; the
 * phone numbers use the 555-01xx fiction range.
 */

export const INTAKE = path.join(ROOT, 'test/fixtures/privacy/intake.chatflow');

/**
 * Mocha hooks for a suite over the intake flow: its FlowContext, built once, and a fresh temp
 * folder per test. Read `suite.context` and `suite.temp` inside the tests.
 */
export function intakeSuite(): { context: FlowContext; temp: ReturnType<typeof tempFolder> } {
    const suite = {} as { context: FlowContext; temp: ReturnType<typeof tempFolder> };
    before(async function () {
        this.timeout(60_000);
        suite.context = new FlowContext(await graphsOf(INTAKE));
    });
    beforeEach(() => {
        suite.temp = tempFolder();
    });
    afterEach(() => suite.temp.cleanup());
    return suite;
}

/** The privacy status of a database, read through a store opened for it alone. */
export async function privacyStatusOf(db: string): Promise<PrivacyStatus> {
    const store = await openStore(db);
    try {
        return await store.privacyStatus();
    } finally {
        await store.close();
    }
}

const FIRST = ['Dana', 'Marcus', 'Priya', 'Tomasz', 'Aaliyah', 'Henrik', 'Yuki', 'Esperanza', 'Oluwaseun', 'Bridget', 'Rafael', 'Ingrid'];
const LAST = ['Whitfield', 'Okonkwo', 'Raghunathan', 'Kowalczyk', 'Desrosiers', 'Lindqvist', 'Takahashi', 'Villanueva', 'Adeyemi', 'McAllister', 'Etxeberria', 'Halvorsen'];
const COMPLAINTS = [
    'Knee pain since I slipped on the ice',
    'Recurring migraines with aura',
    'Refill of my blood pressure tablets',
    'Rash on both forearms for a week',
    'Follow up on my thyroid results',
    'Persistent cough after a chest cold'
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface PatientPhi {
    chat: string;
    name: string;
    /** The date of birth as the patient typed it, in one of several formats. */
    dob: string;
    phone: string;
    email: string;
    mrn: string;
    complaint: string;
    /** The typed texts: what must never reach the database under 'redact' and 'hash'. */
    answers: { name: string; reason: string; callback: string; returning: string; notes: string };
}

/** Patient `i` of a log: distinct names, dates of birth, phones, emails and MRNs per chat. */
export function patient(prefix: string, i: number): PatientPhi {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 5 + prefix.length) % LAST.length];
    const name = `${first} ${last}`;
    const year = 1940 + (i * 7) % 60;
    const month = 1 + (i * 5) % 12;
    const day = 1 + (i * 11) % 28;
    const pad = (n: number) => String(n).padStart(2, '0');
    const dob = [
        `${pad(month)}/${pad(day)}/${year}`,
        `${year}-${pad(month)}-${pad(day)}`,
        `${MONTHS[month - 1]} ${day}, ${year}`,
        `${day} ${MONTHS[month - 1].slice(0, 3)} ${String(year).slice(2)}`
    ][i % 4];
    const area = [617, 312, 206, 415][i % 4];
    const line = `01${pad((i * 3 + prefix.length) % 100)}`;
    const phone = [`(${area}) 555-${line}`, `${area}-555-${line}`, `+1 ${area} 555 ${line}`][i % 3];
    const email = `${first}.${last}.${prefix}${i}@example.com`.toLowerCase();
    const mrn = String(4_400_000 + i * 7919 + prefix.length * 131);
    const complaint = COMPLAINTS[i % COMPLAINTS.length];
    return {
        chat: `${prefix}-${String(i).padStart(3, '0')}`, name, dob, phone, email, mrn, complaint,
        answers: {
            name,
            reason: `${complaint}. This is ${name}, date of birth ${dob}.`,
            callback: phone,
            returning: i % 2 === 0 ? 'yes' : 'no',
            notes: `My MRN is ${mrn}, you can also email ${email} or text ${phone}. ${first} prefers mornings.`
        }
    };
}

interface Step { box: string; type: 'enter' | 'answer' | 'goal'; text?: string; goal?: string }

/** One intake chat as canonical steps (box names, not ids, as a bot logs them). */
function steps(p: PatientPhi, withBotText: boolean): Step[] {
    const enter = (box: string, text: string): Step => ({ box, type: 'enter', ...(withBotText ? { text } : {}) });
    return [
        enter('welcome', "Welcome to Lakeside Family Clinic. I'll take a few details before your visit."),
        enter('visit_type', 'What kind of visit is this?'),
        { box: 'visit_type', type: 'answer', text: 'New patient visit' },
        enter('ask_name', "What's your full name?"),
        { box: 'ask_name', type: 'answer', text: p.answers.name },
        enter('ask_reason', 'In a few words, what brings you in?'),
        { box: 'ask_reason', type: 'answer', text: p.answers.reason },
        enter('ask_callback', 'What number can we call you back on?'),
        { box: 'ask_callback', type: 'answer', text: p.answers.callback },
        enter('ask_returning', 'Have you been seen at Lakeside before?'),
        { box: 'ask_returning', type: 'answer', text: p.answers.returning },
        enter('ask_notes', 'Anything else the nurse should know?'),
        { box: 'ask_notes', type: 'answer', text: p.answers.notes },
        enter('done', `Thanks, ${p.name}! The front desk will call ${p.phone} to confirm.`)
    ];
}

const START = Date.UTC(2026, 10, 9, 14, 0, 0);

function canonical(patients: readonly PatientPhi[]): Array<Record<string, string>> {
    return patients.flatMap((p, c) => steps(p, true).map((s, k) => ({
        chat: p.chat, ts: new Date(START + c * 3_600_000 + k * 20_000).toISOString(), flow: 'Intake', version: 'v3',
        box: s.box, type: s.type, text: s.text ?? '', goal: s.goal ?? ''
    })));
}

function csvField(value: string): string {
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rasa events of a chat: actions for bot steps, user messages for answers, slot events that carry the PHI too. */
function rasaEvents(p: PatientPhi, c: number): Array<Record<string, unknown>> {
    const at = (k: number) => (START + c * 3_600_000 + k * 20_000) / 1000;
    const slot: Record<string, string> = { ask_name: 'full_name', ask_reason: 'reason', ask_callback: 'callback', ask_notes: 'notes' };
    const events: Array<Record<string, unknown>> = [{ event: 'session_started', timestamp: at(0) - 1 }];
    steps(p, false).forEach((s, k) => {
        if (s.type === 'enter') {
            events.push({ event: 'action', timestamp: at(k), name: `utter_${s.box}`, metadata: { model_id: 'lakeside-v3' } });
            events.push({ event: 'action', timestamp: at(k) + 0.1, name: 'action_listen' });
        } else {
            events.push({ event: 'user', timestamp: at(k), text: s.text, parse_data: { intent: { name: 'inform', confidence: 0.93 }, entities: [] }, metadata: { model_id: 'lakeside-v3' } });
            if (slot[s.box]) events.push({ event: 'slot', timestamp: at(k) + 0.05, name: slot[s.box], value: s.text });
        }
    });
    return events;
}

export interface PhiLogs {
    /** Log files by format. */
    files: { jsonl: string; csv: string; 'rasa-tracker': string; 'rasa-events': string };
    /** Every patient of every file. */
    patients: PatientPhi[];
}

/** Writes `perFormat` chats in each of the four formats into `folder`. */
export function writePhiLogs(folder: string, perFormat: number): PhiLogs {
    const make = (prefix: string) => Array.from({ length: perFormat }, (_, i) => patient(prefix, i));
    const jsonl = make('web'), csv = make('sms'), tracker = make('fb'), broker = make('wa');
    const files = {
        'jsonl': path.join(folder, 'intake.jsonl'),
        'csv': path.join(folder, 'intake.csv'),
        'rasa-tracker': path.join(folder, 'intake-trackers.json'),
        'rasa-events': path.join(folder, 'intake-events.jsonl')
    };
    fs.writeFileSync(files.jsonl, canonical(jsonl).map(e => JSON.stringify(e)).join('\n') + '\n');
    const columns = ['chat', 'ts', 'flow', 'version', 'box', 'type', 'text', 'goal'];
    fs.writeFileSync(files.csv, [columns.join(','), ...canonical(csv).map(e => columns.map(c => csvField(e[c])).join(','))].join('\n') + '\n');
    // Rasa logs name boxes by the flow's aliases (utter_welcome...) and name no flow.
    fs.writeFileSync(files['rasa-tracker'], JSON.stringify(tracker.map((p, c) => ({ sender_id: p.chat, slots: { full_name: p.name, callback: p.phone }, events: rasaEvents(p, c) })), null, 1));
    fs.writeFileSync(files['rasa-events'], broker.flatMap((p, c) => rasaEvents(p, c).map(e => JSON.stringify({ sender_id: p.chat, ...e }))).join('\n') + '\n');
    return { files, patients: [...jsonl, ...csv, ...tracker, ...broker] };
}
