import type { ConditionExpr, FlowBox, FlowEdge, FlowGraph, LiteralValue } from './flow-model.js';
import { interpolate, parseAnswer } from './input-values.js';
import { seededRandom } from './seeded-random.js';

export { seededRandom } from './seeded-random.js';

/**
 * A pure chat stepper over a FlowGraph. Every step returns a new ChatState and never mutates the
 * previous one, so "step back" is popping a history of states. The preview's simulator, the CLI's
 * `chatflow test` and the Test Explorer all run this same engine.
 */

export type ChatStatus = 'waiting' | 'ended' | 'handoff' | 'stuck';

export interface ChatMessage {
    from: 'bot' | 'user';
    text: string;
    box: string;
    /** A bot message that asks again after an invalid answer. */
    retry?: boolean;
}

export type Awaiting =
    | { kind: 'choice'; options: Array<{ label: string; edge: string }> }
    | { kind: 'input'; variable?: string; type: string; sensitive: boolean }
    | { kind: 'outcome'; outcomes: Array<{ name: string; edge: string }> };

export interface ChatState {
    /** The box the chat is at: waiting there, or where it ended. */
    current?: string;
    status: ChatStatus;
    awaiting?: Awaiting;
    variables: Readonly<Record<string, LiteralValue>>;
    /** Goals reached, in the order they were reached. */
    goals: readonly string[];
    /** Box ids entered, in order (a box entered twice appears twice). */
    path: readonly string[];
    /** Edge ids taken, in order. */
    edges: readonly string[];
    transcript: readonly ChatMessage[];
    /** The arm each split the chat passed gave it, by split box id. */
    arms?: Readonly<Record<string, string>>;
    /** The arm the next split the chat reaches takes (a test's `arm` step, the preview's picker); else drawn by the weights. */
    pendingArm?: string;
    /** Why the chat is stuck, or why the last step was refused. */
    problem?: string;
}

export interface SimulatorOptions {
    /** Draws a split's arm: a number in [0, 1). Default: a seeded generator, so a run repeats. */
    random?: () => number;
}

export type StepResult = { ok: true; state: ChatState } | { ok: false; state: ChatState; error: string };

/** Automatic steps (messages, conditions) allowed without user input before giving up on a loop. */
const MAX_AUTOMATIC_STEPS = 1000;

export class Simulator {
    private readonly boxes = new Map<string, FlowBox>();
    private readonly outgoing = new Map<string, FlowEdge[]>();

    private readonly random: () => number;

    constructor(readonly graph: FlowGraph, options: SimulatorOptions = {}) {
        this.random = options.random ?? seededRandom(1);
        for (const box of graph.boxes) this.boxes.set(box.id, box);
        for (const edge of graph.edges) {
            const list = this.outgoing.get(edge.from) ?? [];
            list.push(edge);
            this.outgoing.set(edge.from, list);
        }
    }

    /**
     * Starts a chat at the flow's start, or at `from` with some variables already set; `arm`
     * forces the first split the chat reaches (one right after the start included).
     */
    start(from?: string, variables: Record<string, LiteralValue> = {}, arm?: string): ChatState {
        const defaults: Record<string, LiteralValue> = {};
        for (const variable of this.graph.variables) {
            if (variable.default !== undefined) defaults[variable.name] = variable.default;
        }
        const initial: ChatState = {
            status: 'waiting', variables: { ...defaults, ...variables }, goals: [], path: [], edges: [], transcript: [],
            ...(arm !== undefined ? { pendingArm: arm } : {})
        };
        const first = from ?? this.graph.start;
        if (!first || !this.boxes.has(first)) {
            return { ...initial, status: 'stuck', problem: first ? `There is no box '${first}'.` : `Flow '${this.graph.flow}' has no start box.` };
        }
        return this.enter(initial, first);
    }

    /** Presses the choice button with this label. */
    choose(state: ChatState, label: string): StepResult {
        if (state.awaiting?.kind !== 'choice') return refuse(state, `cannot choose '${label}': ${describeWait(state)}`);
        const option = state.awaiting.options.find(o => o.label === label);
        if (!option) {
            const offered = state.awaiting.options.map(o => `'${o.label}'`).join(', ');
            return refuse(state, `'${label}' is not offered at ${state.current}; the options are ${offered}`);
        }
        const said = say(state, { from: 'user', text: label, box: state.current! });
        return { ok: true, state: this.follow(said, this.edge(state.current!, option.edge)) };
    }

    /** Types an answer into the current input; an invalid one gets the retry text and stays. */
    answer(state: ChatState, text: string): StepResult {
        if (state.awaiting?.kind !== 'input') return refuse(state, `cannot answer '${text}': ${describeWait(state)}`);
        const box = this.boxes.get(state.current!)!;
        const input = box.input!;
        const said = say(state, { from: 'user', text, box: box.id });
        const parsed = parseAnswer(text, input.type, input.validation);
        if (!parsed.ok) {
            const retry = input.retry ?? `Sorry, ${parsed.reason}. Please try again.`;
            return { ok: true, state: say(said, { from: 'bot', text: interpolate(retry, said.variables), box: box.id, retry: true }) };
        }
        const variables = input.variable ? { ...said.variables, [input.variable]: parsed.value } : said.variables;
        const next = (this.outgoing.get(box.id) ?? [])[0];
        const stored = { ...said, variables };
        if (!next) return { ok: true, state: stuck(stored, `Input '${box.id}' has no way on.`) };
        return { ok: true, state: this.follow(stored, next) };
    }

    /** Makes the next split the chat reaches take this arm (checked when it gets there). */
    chooseArm(state: ChatState, arm: string): StepResult {
        if (state.status !== 'waiting') return refuse(state, `cannot take arm '${arm}': ${describeWait(state)}`);
        return { ok: true, state: { ...state, pendingArm: arm } };
    }

    /** Picks the outcome of the current action box. */
    outcome(state: ChatState, name: string): StepResult {
        if (state.awaiting?.kind !== 'outcome') return refuse(state, `cannot pick outcome '${name}': ${describeWait(state)}`);
        const chosen = state.awaiting.outcomes.find(o => o.name === name);
        if (!chosen) {
            const offered = state.awaiting.outcomes.map(o => `'${o.name}'`).join(', ');
            return refuse(state, `action ${state.current} has no outcome '${name}'; its outcomes are ${offered}`);
        }
        return { ok: true, state: this.follow(state, this.edge(state.current!, chosen.edge)) };
    }

    box(id: string): FlowBox | undefined {
        return this.boxes.get(id);
    }

    private edge(from: string, id: string): FlowEdge {
        return this.outgoing.get(from)!.find(e => e.id === id)!;
    }

    private follow(state: ChatState, edge: FlowEdge): ChatState {
        return this.enter({ ...state, edges: [...state.edges, edge.id] }, edge.to);
    }

    /** Enters a box and runs automatic steps until the chat waits for the user or stops. */
    private enter(state: ChatState, boxId: string): ChatState {
        let current = state;
        let id = boxId;
        for (let steps = 0; steps < MAX_AUTOMATIC_STEPS; steps++) {
            const box = this.boxes.get(id);
            if (!box) return stuck(current, `There is no box '${id}'.`);
            current = this.arrive(current, box);
            const edges = this.outgoing.get(box.id) ?? [];
            switch (box.kind) {
                case 'end':
                    return { ...current, status: 'ended', awaiting: undefined };
                case 'handoff':
                    return { ...current, status: 'handoff', awaiting: undefined };
                case 'choice':
                    if (edges.length === 0) return stuck(current, `Choice '${box.id}' offers no options.`);
                    return wait(current, { kind: 'choice', options: edges.map(e => ({ label: e.label ?? e.to, edge: e.id })) });
                case 'input':
                    return wait(current, {
                        kind: 'input', variable: box.input?.variable, type: box.input?.type ?? 'text', sensitive: box.input?.sensitive ?? false
                    });
                case 'action':
                    if (edges.length === 0) return stuck(current, `Action '${box.id}' has no outcomes.`);
                    return wait(current, { kind: 'outcome', outcomes: edges.map(e => ({ name: e.label ?? e.to, edge: e.id })) });
                case 'condition': {
                    const taken = edges.find(e => e.kind === 'branch' && e.condition && evaluate(e.condition, current.variables))
                        ?? edges.find(e => e.kind === 'else');
                    if (!taken) return stuck(current, `No branch of condition '${box.id}' holds and it has no else.`);
                    current = { ...current, edges: [...current.edges, taken.id] };
                    id = taken.to;
                    break;
                }
                case 'split': {
                    const taken = this.arm(current, box, edges);
                    if ('problem' in taken) return stuck(current, taken.problem);
                    current = { ...current, edges: [...current.edges, taken.edge.id], arms: { ...current.arms, [box.id]: taken.edge.label ?? '' }, pendingArm: undefined };
                    id = taken.edge.to;
                    break;
                }
                case 'message': {
                    const next = edges[0];
                    if (!next) return stuck(current, `Message '${box.id}' has no way on.`);
                    current = { ...current, edges: [...current.edges, next.id] };
                    id = next.to;
                    break;
                }
            }
        }
        return stuck(current, `The chat went through ${MAX_AUTOMATIC_STEPS} boxes without waiting for the user: a loop no answer can leave.`);
    }

    /** The arm a chat takes at a split: the one asked for, else drawn by the weights. */
    private arm(state: ChatState, box: FlowBox, edges: readonly FlowEdge[]): { edge: FlowEdge } | { problem: string } {
        const arms = edges.filter(e => e.kind === 'arm');
        if (arms.length === 0) return { problem: `Split '${box.id}' has no arms.` };
        if (state.pendingArm !== undefined) {
            const asked = arms.find(e => e.label === state.pendingArm);
            return asked ? { edge: asked } : { problem: `Split '${box.id}' has no arm '${state.pendingArm}'; its arms are ${arms.map(e => `'${e.label}'`).join(', ')}.` };
        }
        const total = arms.reduce((sum, e) => sum + Math.max(0, e.weight ?? 0), 0);
        if (total <= 0) return { edge: arms[0] };
        let draw = this.random() * total;
        for (const edge of arms) {
            draw -= Math.max(0, edge.weight ?? 0);
            if (draw < 0) return { edge };
        }
        return { edge: arms[arms.length - 1] };
    }

    /** Records the visit: assignments first (so the text can show them), then the text, then goals. */
    private arrive(state: ChatState, box: FlowBox): ChatState {
        let variables = state.variables;
        if (box.assignments.length > 0) {
            variables = { ...variables };
            for (const assignment of box.assignments) (variables as Record<string, LiteralValue>)[assignment.variable] = assignment.value;
        }
        const transcript = box.text
            ? [...state.transcript, { from: 'bot' as const, text: interpolate(box.text, variables), box: box.id }]
            : state.transcript;
        const newGoals = box.goals.filter(g => !state.goals.includes(g));
        return {
            ...state,
            current: box.id,
            variables,
            transcript,
            path: [...state.path, box.id],
            goals: newGoals.length > 0 ? [...state.goals, ...newGoals] : state.goals,
            problem: undefined
        };
    }
}

/** Evaluates a branch condition; comparisons with an unset variable are false. */
export function evaluate(condition: ConditionExpr, variables: Readonly<Record<string, LiteralValue>>): boolean {
    switch (condition.op) {
        case 'and': return evaluate(condition.left, variables) && evaluate(condition.right, variables);
        case 'or': return evaluate(condition.left, variables) || evaluate(condition.right, variables);
        case 'not': return !evaluate(condition.operand, variables);
        case 'compare': {
            const value = variables[condition.variable];
            if (condition.operator === undefined || condition.value === undefined) {
                return value !== undefined && value !== false && value !== '';
            }
            if (value === undefined) return false;
            return compare(value, condition.operator, condition.value);
        }
    }
}

function compare(left: LiteralValue, operator: string, right: LiteralValue): boolean {
    switch (operator) {
        case '==': return left === right;
        case '!=': return left !== right;
        case 'contains': return String(left).toLowerCase().includes(String(right).toLowerCase());
        default: {
            if (typeof left !== typeof right || typeof left === 'boolean') return false;
            const a = left as number | string, b = right as number | string;
            return operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
        }
    }
}

function wait(state: ChatState, awaiting: Awaiting): ChatState {
    return { ...state, status: 'waiting', awaiting };
}

function stuck(state: ChatState, problem: string): ChatState {
    return { ...state, status: 'stuck', awaiting: undefined, problem };
}

function say(state: ChatState, message: ChatMessage): ChatState {
    return { ...state, transcript: [...state.transcript, message] };
}

function refuse(state: ChatState, error: string): StepResult {
    return { ok: false, state, error };
}

function describeWait(state: ChatState): string {
    if (state.status !== 'waiting') return `the chat has ${state.status === 'stuck' ? 'stopped' : 'ended'} at ${state.current ?? 'its start'}`;
    switch (state.awaiting?.kind) {
        case 'choice': return `${state.current} is waiting for a choice`;
        case 'input': return `${state.current} is waiting for a typed answer`;
        case 'outcome': return `${state.current} is waiting for an action outcome`;
        default: return `${state.current} is not waiting for anything`;
    }
}
