import { runFlowTests } from '../../language/conversation-tests.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { Simulator, type ChatState } from '../../language/simulator.js';
import type { Random } from './random.js';

/** Steps the simulator takes per flow after the start, with random choices and answers. */
const STEPS = 6;
const ANSWERS = ['yes', 'no', '42', '-1', '', 'someone@example.com', '2024-02-30', '\u{1F600}', 'x'.repeat(300)];

/** Starts every flow, plays a few random steps, then runs the flow's `test` blocks. */
export function playFlows(graphs: readonly FlowGraph[], random: Random): void {
    for (const graph of graphs) {
        const simulator = new Simulator(graph);
        let state: ChatState = simulator.start();
        for (let i = 0; i < STEPS && state.status === 'waiting'; i++) {
            const awaiting = state.awaiting;
            if (!awaiting) break;
            const result = awaiting.kind === 'choice'
                ? simulator.choose(state, random.chance(0.9) && awaiting.options.length > 0 ? random.pick(awaiting.options).label : 'nonsense')
                : awaiting.kind === 'outcome'
                    ? simulator.outcome(state, random.chance(0.9) && awaiting.outcomes.length > 0 ? random.pick(awaiting.outcomes).name : 'nonsense')
                    : simulator.answer(state, random.pick(ANSWERS));
            state = result.state;
        }
        runFlowTests(graph);
    }
}
