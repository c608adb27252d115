import { seededRandom } from '../../language/seeded-random.js';
import type { BoxKind, EdgeKind, FlowBox, FlowEdge, FlowGraph, SourceRange } from '../../language/flow-model.js';

/**
 * A synthetic but realistic FlowGraph of `size` boxes (pure DTO, deterministic per seed): the
 * kind mix of real intake bots (mostly messages, inputs and choices; some conditions, actions,
 * handoffs and ends), forward edges to nearby boxes, a few loops back (retries, "pick another
 * day"), and goals on some boxes.
 */
export function generateFlowGraph(size: number, seed = 7, flow = 'Intake'): FlowGraph {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const uri = `file:///bench/${flow.toLowerCase()}-${size}.chatflow`;
    const range = (line: number): SourceRange => ({ uri, start: { line, character: 4 }, end: { line: line + 3, character: 5 } });
    const boxes: FlowBox[] = [];
    const edges: FlowEdge[] = [];
    const incoming = new Set<number>();
    const id = (i: number) => `${flow}.${boxes[i]?.name ?? `b${i}`}`;

    for (let i = 0; i < size; i++) {
        // A greeting and a main menu first, as every real bot has; the rest drawn from the mix.
        const kind: BoxKind = i === 0 ? 'message' : i === 1 ? 'choice' : i === size - 1 ? 'end' : kindFor(random());
        const name = `${kind === 'condition' ? 'check' : kind === 'input' ? 'ask' : kind}_${i}`;
        const box: FlowBox = {
            id: `${flow}.${name}`, name, flow, kind, label: name, goals: [], aliases: [], assignments: [],
            range: range(i * 5), nameRange: range(i * 5)
        };
        if (kind !== 'condition') box.text = pick(TEXTS[kind]);
        if (kind === 'input') box.input = { variable: `answer_${i}`, type: pick(['text', 'number', 'email', 'phone', 'date', 'yesno'] as const), sensitive: random() < 0.3 };
        if (kind === 'action') box.call = pick(['ehr.bookAppointment', 'crm.createLead', 'sms.sendReminder']);
        if (kind === 'handoff') box.queue = 'front-desk';
        if ((kind === 'message' || kind === 'end') && random() < 0.06) box.goals.push(pick(['appointment', 'question_answered', 'callback_requested']));
        boxes.push(box);
    }

    const link = (from: number, to: number, kind: EdgeKind, label?: string) => {
        const edge: FlowEdge = { id: `${id(from)}:${kind}:${label ?? id(to)}#${edges.length}`, from: id(from), to: id(to), kind, range: range(from * 5 + 1) };
        if (label) edge.label = label;
        if (kind === 'branch') edge.condition = { op: 'compare', variable: `answer_${Math.max(0, from - 1)}`, operator: '==', value: 'yes' };
        edges.push(edge);
        incoming.add(to);
    };
    const ahead = (from: number) => Math.min(size - 1, from + 1 + Math.floor(random() * random() * 24));

    for (let i = 0; i < size - 1; i++) {
        const kind = boxes[i].kind;
        if (kind === 'end' || kind === 'handoff') continue;
        // The first way on always leads to the next box, so every box is reachable.
        const ways = kind === 'choice' ? 2 + Math.floor(random() * 3) : kind === 'action' ? 2 + Math.floor(random() * 2) : kind === 'condition' ? 2 : 1;
        for (let w = 0; w < ways; w++) {
            const back = w > 0 && random() < 0.08 && i > 10;
            const to = w === 0 ? i + 1 : back ? i - 1 - Math.floor(random() * 10) : ahead(i);
            if (kind === 'choice') link(i, to, 'choice', `${pick(CHOICES)}${w > 0 ? ` (${w + 1})` : ''}`);
            else if (kind === 'action') link(i, to, 'outcome', ['booked', 'full', 'error', 'timeout'][w]);
            else if (kind === 'condition') link(i, to, w === 0 ? 'branch' : 'else', w === 0 ? `answer_${Math.max(0, i - 1)} == yes` : undefined);
            else link(i, to, 'next');
        }
    }
    // A box right after a terminal has no way in yet: give an earlier choice one more option.
    const choices = boxes.map((b, i) => (b.kind === 'choice' ? i : -1)).filter(i => i >= 0);
    for (let j = 1; j < size; j++) {
        if (incoming.has(j)) continue;
        const earlier = choices.filter(c => c < j);
        link(earlier.length > 0 ? earlier[earlier.length - 1] : 0, j, earlier.length > 0 ? 'choice' : 'next', earlier.length > 0 ? `Something else (${j})` : undefined);
    }

    return {
        flow, label: `Synthetic intake flow, ${size} boxes`, uri, range: range(0), start: boxes[0] ? `${flow}.${boxes[0].name}` : undefined,
        boxes, edges,
        goals: [
            { name: 'appointment', label: 'Appointment booked' },
            { name: 'question_answered', label: 'Question answered' },
            { name: 'callback_requested', label: 'Callback requested' }
        ],
        variables: boxes.filter(b => b.input).map(b => ({ name: b.input!.variable!, type: b.input!.type, sensitive: b.input!.sensitive, range: b.range })),
        tests: []
    };
}

function kindFor(r: number): BoxKind {
    if (r < 0.3) return 'message';
    if (r < 0.5) return 'input';
    if (r < 0.68) return 'choice';
    if (r < 0.8) return 'condition';
    if (r < 0.89) return 'action';
    if (r < 0.93) return 'handoff';
    return 'end';
}

const TEXTS: Record<BoxKind, readonly string[]> = {
    message: ["Thanks! Let me check that for you.", "We're open Monday to Friday 8am-6pm.", "Patients under 18 need a guardian at the visit.", "Self-pay visits start at $95."],
    input: ["What's your full name?", "What's your date of birth?", "What phone number can we reach you at?", "Briefly, what is the reason for your visit?"],
    choice: ["How can I help you today?", "Which day suits you best?", "Anything else I can do for you?", "Which location is closest to you?"],
    condition: [],
    split: [],
    action: ["One moment while I find a slot...", "Checking your insurance...", "Sending you a reminder..."],
    handoff: ["Connecting you to the front desk.", "A nurse will take over this chat."],
    end: ["Thank you for choosing Riverside Family Clinic. Take care!", "Please call 911 or go to the nearest emergency room now."]
};

const CHOICES = ['Book an appointment', 'Opening hours', 'Insurance questions', 'Talk to the front desk', 'Monday', 'Wednesday', 'Friday', 'No, thanks', 'Yes'];
