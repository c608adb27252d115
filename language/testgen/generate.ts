import { runFlowTests, uncoveredEdges } from '../conversation-tests.js';
import type { FlowGraph } from '../flow-model.js';
import { armsFirst, withExpectations, type GeneratedStep, type GeneratedTest } from './generated-test.js';
import { infeasibleTransitions } from './infeasible-transitions.js';
import { completeToEnd, distancesToEnd } from './complete.js';
import { DEFAULT_LIMITS, explore, type SearchLimits } from './explore.js';
import { pathOf } from './path-state.js';
import { solveSlot } from './solve-slot.js';
import { setCover } from './set-cover.js';
import { SymbolicFlow, type PathState } from './symbolic-flow.js';
import { testName, uniqueNames } from './test-names.js';
import { untakenOf, type UntakenTransition } from './untaken.js';

export type { UntakenTransition } from './untaken.js';

export interface Generation {
    flow: string;
    tests: GeneratedTest[];
    /** The transitions the generator set out to take: the flow's own, minus those its tests already take. */
    targets: string[];
    /** Of the targets, those the generated tests take. */
    covered: string[];
    untaken: UntakenTransition[];
}

export interface GenerateOptions {
    /** 'untested' (default): transitions no `test` of the flow takes yet; 'all': every transition. */
    cover?: 'untested' | 'all';
    limits?: SearchLimits;
}

/**
 * A small set of tests that together take every feasible transition the flow's tests do not.
 * 1. A breadth-first search over symbolic chats finds, per transition, the shortest path that
 *    takes it with answers the solver can produce (search.ts, symbolic-flow.ts).
 * 2. Each such path goes on to the nearest end box, preferring transitions still to be taken.
 * 3. Deepest paths first, a path is kept only if it takes a transition no kept path takes yet,
 *    then a greedy set cover drops paths the others make redundant.
 * Every test is played by the simulator before it is returned (generated-test.ts).
 */
export function generateTests(graph: FlowGraph, options: GenerateOptions = {}): Generation {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const external = new Set(graph.boxes.filter(b => b.external).map(b => b.id));
    const own = graph.edges.filter(e => !external.has(e.from));
    const targets = options.cover === 'all' ? own.map(e => e.id) : uncoveredEdges(graph, runFlowTests(graph));
    const targetSet = new Set(targets);
    const flow = new SymbolicFlow(graph);
    const exploration = explore(flow, limits, targetSet);
    const distance = distancesToEnd(flow);
    const ordered = targets
        .filter(id => exploration.witness.has(id))
        .sort((a, b) => exploration.witness.get(b)!.depth - exploration.witness.get(a)!.depth);
    const candidates: GeneratedTest[] = [];
    const taken = new Set<string>();
    const names = uniqueNames(graph.tests.map(t => t.name));
    for (const id of ordered) {
        if (taken.has(id)) continue;
        const prefix = exploration.witness.get(id)!;
        const wanted = new Set([...targetSet].filter(t => !taken.has(t)));
        const end = completeToEnd(flow, prefix, distance, wanted, limits.completion) ?? prefix;
        const test = testOf(flow, graph, end, names) ?? (end === prefix ? undefined : testOf(flow, graph, prefix, names));
        if (!test) continue;
        candidates.push(test);
        test.edges.forEach(e => taken.add(e));
    }
    const tests = setCover(candidates, targetSet);
    const covered = new Set(tests.flatMap(t => t.edges).filter(e => targetSet.has(e)));
    const proved = new Map(infeasibleTransitions(graph).map(t => [graph.edges[t.edge].id, t.reason]));
    const untaken = targets.filter(id => !covered.has(id)).map(id => untakenOf(graph.edges.find(e => e.id === id)!, proved, exploration, limits));
    return { flow: graph.flow, tests, targets, covered: targets.filter(id => covered.has(id)), untaken };
}

/** The test that plays a path: its choices, outcomes and the answers the solver found, then what the chat shows. */
function testOf(flow: SymbolicFlow, graph: FlowGraph, state: PathState, names: (wanted: string) => string): GeneratedTest | undefined {
    const alternative = state.alternatives.find(a => a.certain);
    if (!alternative) return undefined;
    const actions: GeneratedStep[] = [];
    for (const s of pathOf(state)) {
        if (!s.step) continue;
        if (s.step.kind === 'arm') actions.push({ kind: 'arm', arm: s.step.arm });
        else if (s.step.kind === 'choose') actions.push({ kind: 'choose', label: s.step.label });
        else if (s.step.kind === 'outcome') actions.push({ kind: 'outcome', outcome: s.step.outcome });
        else {
            const solved = solveSlot(flow.slots[s.step.slot], alternative.atoms.get(s.step.slot) ?? []);
            if (solved.status !== 'sat') return undefined;
            actions.push({ kind: 'answer', value: solved.value });
        }
    }
    const path = pathOf(state);
    const test = withExpectations(graph, '', armsFirst(actions));
    if (!test) return undefined;
    test.name = names(testName(graph, path.map(s => s.step).filter(s => s !== undefined), state.box));
    return test;
}
