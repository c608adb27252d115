import type { FlowGraph, FlowTest, LiteralValue, SourceRange, TestStepSpec } from './flow-model.js';
import { Simulator, type ChatState, type StepResult } from './simulator.js';

/** The result of one `test` block played by the simulator. */
export interface TestOutcome {
    flow: string;
    name: string;
    range: SourceRange;
    passed: boolean;
    /** On failure: the failing step (its source range) and what went wrong. */
    failure?: { step: number; range: SourceRange; message: string };
    /** Edge ids the test took, for transition coverage. */
    edges: readonly string[];
    final: ChatState;
}

/** Plays every test of a flow. */
export function runFlowTests(graph: FlowGraph): TestOutcome[] {
    const simulator = new Simulator(graph);
    return graph.tests.map(test => runTest(simulator, test));
}

/** Plays one test: steps in order; the first failing step ends it. */
export function runTest(simulator: Simulator, test: FlowTest): TestOutcome {
    // An `arm` step first is for a split the chat may reach right after its start.
    const first = test.steps[0];
    let state = simulator.start(test.from, {}, first?.kind === 'arm' ? first.arm : undefined);
    const base = { flow: simulator.graph.flow, name: test.name, range: test.range };
    for (const [index, step] of test.steps.entries()) {
        if (index === 0 && step.kind === 'arm') continue;
        const result = playStep(simulator, state, step);
        state = result.state;
        if (!result.ok) {
            return { ...base, passed: false, failure: { step: index, range: step.range, message: result.error }, edges: state.edges, final: state };
        }
    }
    return { ...base, passed: true, edges: state.edges, final: state };
}

function playStep(simulator: Simulator, state: ChatState, step: TestStepSpec): StepResult {
    switch (step.kind) {
        case 'choose': return simulator.choose(state, step.label);
        case 'answer': return simulator.answer(state, answerText(step.value));
        case 'outcome': return simulator.outcome(state, step.outcome);
        case 'arm': return simulator.chooseArm(state, step.arm);
        case 'expectBox':
            return state.current === step.box
                ? { ok: true, state }
                : { ok: false, state, error: `expected the chat at ${step.box}, but it is at ${where(state)}` };
        case 'expectGoal':
            return state.goals.includes(step.goal)
                ? { ok: true, state }
                : { ok: false, state, error: `expected goal '${step.goal}' reached, but ${state.goals.length ? `only ${state.goals.join(', ')} were` : 'no goal was'} (chat at ${where(state)})` };
        case 'expectEnd':
            return state.status === 'ended' || state.status === 'handoff'
                ? { ok: true, state }
                : { ok: false, state, error: `expected the chat to have ended, but it is at ${where(state)}` };
        case 'expectVariable': {
            const actual = state.variables[step.variable];
            return actual === step.value
                ? { ok: true, state }
                : { ok: false, state, error: `expected ${step.variable} == ${show(step.value)}, but it is ${actual === undefined ? 'not set' : show(actual)}` };
        }
    }
}

function answerText(value: LiteralValue): string {
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

function show(value: LiteralValue): string {
    return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

function where(state: ChatState): string {
    const at = state.current ?? 'its start';
    if (state.status === 'waiting') return at;
    if (state.status === 'stuck') return `${at} (stopped: ${state.problem})`;
    return `${at} (${state.status})`;
}

/** Edges of the graph that no test takes (transition coverage). */
export function uncoveredEdges(graph: FlowGraph, outcomes: readonly TestOutcome[]): string[] {
    const taken = new Set(outcomes.flatMap(o => o.edges));
    return graph.edges.filter(e => !taken.has(e.id) && !isExternal(graph, e.from)).map(e => e.id);
}

function isExternal(graph: FlowGraph, boxId: string): boolean {
    return graph.boxes.find(b => b.id === boxId)?.external === true;
}
