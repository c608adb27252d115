import type { FlowGraph } from '../../language/flow-model.js';
import { parseAnswer } from '../../language/input-values.js';
import { armsFirst, withExpectations, type GeneratedStep, type GeneratedTest } from '../../language/testgen/generated-test.js';
import { pathOf } from '../../language/testgen/path-state.js';
import { solveSlot } from '../../language/testgen/solve-slot.js';
import { SymbolicFlow, type PathState } from '../../language/testgen/symbolic-flow.js';
import { testName } from '../../language/testgen/test-names.js';
import type { TranscriptEntry } from '../model.js';
import { follow } from './chat-replay.js';
import { chatPath } from './chat-visits.js';

export type ChatTest =
    | { ok: true; test: GeneratedTest; /** Answers replaced by made-up valid values (sensitive or not stored as typed). */ synthesized: number; /** Goals the log has that the replay does not reach. */ missingGoals: string[] }
    | { ok: false; reason: string };

export interface ChatTestOptions {
    /** What the test's name starts with, before `: <buttons and outcomes> -> <last box>`; default `chat <id>`. */
    prefix?: string;
}

/**
 * A `test` that replays a real chat: its buttons by label, its outcomes (read from the box the
 * chat went to next), its answers by value, then what the chat reached: its goals and the box it
 * stopped at. An answer to a sensitive input, or one the privacy policy stored as `[redacted]` /
 * `[hash:…]`, is never written: the solver makes up a valid value for the input's type and
 * validation that takes the chat down the same branches. Pure: the flow and the transcript in,
 * the test out.
 */
export function chatToTest(graph: FlowGraph, chat: string, transcript: readonly TranscriptEntry[], options: ChatTestOptions = {}): ChatTest {
    const selfLoops = new Set(graph.edges.filter(e => e.from === e.to).map(e => e.from));
    const path = chatPath(transcript, selfLoops);
    if (path.unknownBox !== undefined) return { ok: false, reason: `the chat entered '${path.unknownBox}', which flow ${graph.flow} does not have (it changed since the chat?)` };
    if (path.visits.length === 0) return { ok: false, reason: `chat ${chat} entered no box of flow ${graph.flow}` };
    const flow = new SymbolicFlow(graph);
    const from = path.visits[0].box === graph.start ? undefined : path.visits[0].box;
    let state = flow.start(from);
    if (!state) return { ok: false, reason: `flow ${graph.flow} has no box '${path.visits[0].box}'` };
    const fixed = new Map<number, string>();
    let synthesized = 0;
    for (let i = 1; i < path.visits.length; i++) {
        const next = follow(flow, state, path.visits[i - 1], path.visits[i].box);
        if (!next) {
            return { ok: false, reason: `the chat went from ${path.visits[i - 1].box} to ${path.visits[i].box}, and flow ${graph.flow} cannot take it there with the answers it gave (the flow changed since the chat?)` };
        }
        state = next.state;
        if (next.slot !== undefined) {
            if (next.text === undefined) synthesized++;
            else fixed.set(next.slot, next.text);
        }
    }
    // A last input the chat answered before it stopped is part of the path too.
    const actions = actionsOf(flow, state, fixed);
    if (!actions) return { ok: false, reason: `no answers fit the branches chat ${chat} took` };
    const name = testName(graph, actions, state.box, options.prefix ?? `chat ${chat}`);
    const test = withExpectations(graph, name, actions, { from, alwaysExpectBox: true });
    if (!test) return { ok: false, reason: `the simulator does not replay chat ${chat} as logged` };
    const reached = new Set(test.steps.filter(s => s.kind === 'expectGoal').map(s => (s as { goal: string }).goal));
    return { ok: true, test, synthesized, missingGoals: path.goals.filter(g => !reached.has(g)) };
}

function actionsOf(flow: SymbolicFlow, state: PathState, fixed: ReadonlyMap<number, string>): GeneratedStep[] | undefined {
    const alternative = state.alternatives.find(a => a.certain);
    if (!alternative) return undefined;
    const actions: GeneratedStep[] = [];
    for (const s of pathOf(state)) {
        if (!s.step) continue;
        if (s.step.kind === 'arm') actions.push({ kind: 'arm', arm: s.step.arm });
        else if (s.step.kind === 'choose') actions.push({ kind: 'choose', label: s.step.label });
        else if (s.step.kind === 'outcome') actions.push({ kind: 'outcome', outcome: s.step.outcome });
        else {
            const spec = flow.slots[s.step.slot];
            const real = fixed.get(s.step.slot);
            const parsed = real === undefined ? undefined : parseAnswer(real, spec.type, spec.validation);
            if (parsed?.ok) {
                actions.push({ kind: 'answer', value: spec.type === 'number' || spec.type === 'yesno' ? parsed.value : real! });
                continue;
            }
            const solved = solveSlot(spec, alternative.atoms.get(s.step.slot) ?? []);
            if (solved.status !== 'sat') return undefined;
            actions.push({ kind: 'answer', value: solved.value });
        }
    }
    return armsFirst(actions);
}
