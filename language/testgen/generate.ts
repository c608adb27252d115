import { runFlowTests, uncoveredEdges } from '../conversation-tests.js';
import type { FlowEdge, FlowGraph } from '../flow-model.js';
import { withExpectations, type GeneratedStep, type GeneratedTest } from './generated-test.js';
import { infeasibleTransitions } from './infeasible-transitions.js';
import { completeToEnd, DEFAULT_LIMITS, distancesToEnd, explore, pathOf, type SearchLimits } from './search.js';
import { solveSlot } from './solve-slot.js';
import { SymbolicFlow, type PathState } from './symbolic-flow.js';
import { testName, uniqueNames } from './test-names.js';

/** A transition no generated test takes, and why. */
export interface UntakenTransition {
    edge: string;
    from: string;
    to: string;
    label?: string;
    /** True when no chat can take it (proved); false when the generator only found no way. */
    infeasible: boolean;
    reason: string;
}

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
        if (s.step.kind === 'choose') actions.push({ kind: 'choose', label: s.step.label });
        else if (s.step.kind === 'outcome') actions.push({ kind: 'outcome', outcome: s.step.outcome });
        else {
            const solved = solveSlot(flow.slots[s.step.slot], alternative.atoms.get(s.step.slot) ?? []);
            if (solved.status !== 'sat') return undefined;
            actions.push({ kind: 'answer', value: solved.value });
        }
    }
    const path = pathOf(state);
    const test = withExpectations(graph, '', actions);
    if (!test) return undefined;
    test.name = names(testName(graph, path.map(s => s.step).filter(s => s !== undefined), state.box));
    return test;
}

/**
 * Greedy set cover: repeatedly the test that takes the most targets not yet taken (fewer steps on
 * a tie). Lazily: a test's gain only shrinks as others are chosen, so a recomputed gain that still
 * beats every other test's last known gain is the best.
 */
function setCover(candidates: GeneratedTest[], targets: ReadonlySet<string>): GeneratedTest[] {
    const chosen: GeneratedTest[] = [];
    const left = new Set(targets);
    const pool = candidates.map(test => {
        const edges = [...new Set(test.edges.filter(e => targets.has(e)))];
        return { test, edges, gain: edges.length };
    });
    const better = (a: typeof pool[number], b: typeof pool[number]) => b.gain - a.gain || a.test.steps.length - b.test.steps.length;
    pool.sort(better);
    while (left.size > 0 && pool.length > 0) {
        const top = pool[0];
        top.gain = top.edges.reduce((n, e) => n + (left.has(e) ? 1 : 0), 0);
        if (pool.length > 1 && better(top, pool[1]) > 0) {
            // Stale: put it back in its place and look again.
            pool.shift();
            const at = pool.findIndex(c => better(top, c) <= 0);
            pool.splice(at < 0 ? pool.length : at, 0, top);
            continue;
        }
        pool.shift();
        if (top.gain === 0) break;
        chosen.push(top.test);
        top.edges.forEach(e => left.delete(e));
    }
    // In the order the flow reads: by the first target each takes.
    const order = new Map([...targets].map((id, i) => [id, i]));
    const first = (t: GeneratedTest) => Math.min(...t.edges.map(e => order.get(e) ?? Infinity));
    return chosen.map(t => ({ t, at: first(t) })).sort((a, b) => a.at - b.at).map(x => x.t);
}

function untakenOf(edge: FlowEdge, proved: Map<string, string>, exploration: ReturnType<typeof explore>, limits: SearchLimits): UntakenTransition {
    const base = { edge: edge.id, from: edge.from, to: edge.to, ...(edge.label !== undefined && edge.kind !== 'next' ? { label: edge.label } : {}) };
    const reason = proved.get(edge.id);
    if (reason) return { ...base, infeasible: true, reason };
    if (exploration.witness.has(edge.id)) return { ...base, infeasible: false, reason: 'a path takes it, but no test playing it could be written' };
    if (exploration.undecided.has(edge.id)) return { ...base, infeasible: false, reason: 'no answers were found that satisfy the conditions on the way' };
    if (exploration.exhaustive && !exploration.boxes.has(edge.from)) {
        return { ...base, infeasible: true, reason: `no chat from the start reaches ${shortName(edge.from)}: every way there passes a transition no chat can take` };
    }
    if (exploration.exhaustive) return { ...base, infeasible: true, reason: 'no chat from the start can take it: on every path to it, the conditions on the way contradict it' };
    return { ...base, infeasible: false, reason: `not reached within the search limit (${limits.states} states)` };
}

function shortName(boxId: string): string {
    return boxId.slice(boxId.indexOf('.') + 1);
}
