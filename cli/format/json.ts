import type { FlowGraph } from '../../language/flow-model.js';

/** The FlowGraph DTOs exactly as the language server serves them: always an array, one per flow. */
export function toJson(graphs: readonly FlowGraph[]): string {
    return JSON.stringify(graphs, null, 2);
}
