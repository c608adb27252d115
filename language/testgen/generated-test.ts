import type { FlowGraph, LiteralValue, SourceRange, TestStepSpec } from '../flow-model.js';
import { runTest } from '../conversation-tests.js';
import { Simulator, type ChatState } from '../simulator.js';
import { closesChat } from '../flow-model.js';

/** A step of a generated test: what `test` blocks hold, without source ranges. */
export type GeneratedStep =
    | { kind: 'choose'; label: string }
    | { kind: 'answer'; value: LiteralValue }
    | { kind: 'outcome'; outcome: string }
    | { kind: 'arm'; arm: string }
    | { kind: 'expectBox'; box: string }
    | { kind: 'expectGoal'; goal: string }
    | { kind: 'expectEnd' };

export interface GeneratedTest {
    name: string;
    /** The box the test starts at (`test "..." from box`); the flow's start when absent. */
    from?: string;
    steps: GeneratedStep[];
    /** Edge ids the simulator takes playing it. */
    edges: string[];
}

const NO_RANGE: SourceRange = { uri: '', start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface ExpectationOptions {
    from?: string;
    /** Expect the box the chat stops at even where `expect end` alone would say it. */
    alwaysExpectBox?: boolean;
}

/**
 * Plays the actions (choices, answers, outcomes) with the simulator and adds what the chat then
 * shows as expectations: every goal reached, the box it stopped at, that it ended. The test is
 * played once more as a whole and returned only when it passes, so a generated test never
 * asserts what the flow does not do. Undefined when an action is refused.
 */
export function withExpectations(graph: FlowGraph, name: string, actions: readonly GeneratedStep[], options: ExpectationOptions = {}): GeneratedTest | undefined {
    const simulator = new Simulator(graph);
    // A first `arm` is for a split right after the start, as the test runner reads it.
    const first = actions[0]?.kind === 'arm' ? actions[0].arm : undefined;
    let state: ChatState = simulator.start(options.from, {}, first);
    for (const [index, step] of actions.entries()) {
        if (index === 0 && first !== undefined) continue;
        const result = step.kind === 'choose' ? simulator.choose(state, step.label)
            : step.kind === 'outcome' ? simulator.outcome(state, step.outcome)
            : step.kind === 'answer' ? simulator.answer(state, answerText(step.value))
            : step.kind === 'arm' ? simulator.chooseArm(state, step.arm)
            : { ok: true as const, state };
        if (!result.ok) return undefined;
        state = result.state;
        // An answer the input refused leaves the chat there: not the path meant.
        if (state.transcript.at(-1)?.retry) return undefined;
    }
    const steps: GeneratedStep[] = [...actions, ...expectations(graph, state, options.alwaysExpectBox === true)];
    const outcome = runTest(simulator, { name, from: options.from, range: NO_RANGE, steps: steps.map(toSpec) });
    return outcome.passed ? { name, ...(options.from ? { from: options.from } : {}), steps, edges: [...outcome.edges] } : undefined;
}

function expectations(graph: FlowGraph, state: ChatState, alwaysExpectBox: boolean): GeneratedStep[] {
    const steps: GeneratedStep[] = state.goals.map(goal => ({ kind: 'expectGoal', goal }));
    const ended = state.status === 'ended' || state.status === 'handoff';
    // Where an end box is the only place a chat can end, `expect end` says it all.
    const terminals = graph.boxes.filter(b => closesChat(b.kind)).length;
    if (state.current && (!ended || terminals > 1 || alwaysExpectBox)) steps.push({ kind: 'expectBox', box: state.current });
    if (ended) steps.push({ kind: 'expectEnd' });
    return steps;
}

/**
 * A path's steps in the order a test needs them: a split's arm (in the path where the chat passes
 * the split) moves before the action after which the chat reaches it, since `arm b` applies to the
 * next split the chat reaches.
 */
export function armsFirst(steps: readonly GeneratedStep[]): GeneratedStep[] {
    const ordered: GeneratedStep[] = [];
    let lastAction = 0;
    for (const step of steps) {
        if (step.kind === 'arm') ordered.splice(lastAction++, 0, step);
        else {
            lastAction = ordered.length;
            ordered.push(step);
        }
    }
    return ordered;
}

/** How the simulator is given an answer: yes/no for booleans, the number or text as typed. */
export function answerText(value: LiteralValue): string {
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

function toSpec(step: GeneratedStep): TestStepSpec {
    return { ...step, range: NO_RANGE } as TestStepSpec;
}
