import type { FlowGraph, LiteralValue } from '../../../language/flow-model.js';
import { Simulator, type ChatState, type StepResult } from '../../../language/simulator.js';

/**
 * One simulated chat: the pure Simulator plus the history of its states. Step back pops the
 * history; a new graph (live edit) keeps the chat going when the box it waits at still exists.
 */
export class ChatSession {
    private simulator: Simulator;
    private history: ChatState[] = [];
    /** Where the chat was started, so Restart repeats it. */
    private origin: { from?: string; variables: Record<string, LiteralValue> } = { variables: {} };
    /** The arm the first split of every (re)started chat takes; undefined: drawn by the weights. */
    private arm?: string;

    constructor(graph: FlowGraph) {
        this.simulator = new Simulator(graph);
    }

    get graph(): FlowGraph {
        return this.simulator.graph;
    }

    get state(): ChatState | undefined {
        return this.history[this.history.length - 1];
    }

    get startedFrom(): string | undefined {
        return this.origin.from;
    }

    get startVariables(): Readonly<Record<string, LiteralValue>> {
        return this.origin.variables;
    }

    get canStepBack(): boolean {
        return this.history.length > 1;
    }

    /** Swaps in an edited graph. Returns false when the chat's current box is gone (restart needed). */
    setGraph(graph: FlowGraph): boolean {
        this.simulator = new Simulator(graph);
        const current = this.state?.current;
        return current === undefined || graph.boxes.some(b => b.id === current);
    }

    start(from?: string, variables: Record<string, LiteralValue> = {}): ChatState {
        this.origin = { from, variables };
        this.history = [this.simulator.start(from, variables, this.arm)];
        return this.state!;
    }

    restart(): ChatState {
        return this.start(this.origin.from, this.origin.variables);
    }

    stepBack(): ChatState | undefined {
        if (this.canStepBack) this.history.pop();
        return this.state;
    }

    choose(label: string): StepResult {
        return this.step(state => this.simulator.choose(state, label));
    }

    answer(text: string): StepResult {
        return this.step(state => this.simulator.answer(state, text));
    }

    /** Forces the next split this chat and the restarted ones reach to `arm` (undefined: drawn by the weights). */
    chooseArm(arm: string | undefined): StepResult | undefined {
        this.arm = arm;
        return arm === undefined || !this.state ? undefined : this.step(state => this.simulator.chooseArm(state, arm));
    }

    outcome(name: string): StepResult {
        return this.step(state => this.simulator.outcome(state, name));
    }

    private step(run: (state: ChatState) => StepResult): StepResult {
        const state = this.state ?? this.start();
        const result = run(state);
        if (result.ok) this.history.push(result.state);
        return result;
    }
}
