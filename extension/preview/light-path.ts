import type { FlowGraph } from '../../language/flow-model.js';
import type { LitPath } from '../webview-protocol.js';

/** Opens (or reveals) the preview of a document with a complete path lit: what the Analytics panel's paths run. */
export const LIGHT_PATH_COMMAND = 'chatflow.lightPath';

/** The command's argument: the document, and the path as the Analytics panel lists it. */
export interface LightPathArgs {
    uri: string;
    boxes: string[];
    chats: number;
    converted: number;
}

/**
 * The path to light on the document's graphs: the edges from each box to the next. A pair joined
 * by two edges (two buttons to one box) lights both; a pair no edge joins (the flow was edited
 * since) lights none, and both its boxes stay lit. Pure (no 'vscode'), so unit-tested.
 */
export function litPath(flows: readonly FlowGraph[], path: Omit<LightPathArgs, 'uri'>): LitPath {
    const edges: string[] = [];
    for (let i = 1; i < path.boxes.length; i++) {
        const from = path.boxes[i - 1], to = path.boxes[i];
        for (const graph of flows) for (const edge of graph.edges) if (edge.from === from && edge.to === to && !edges.includes(edge.id)) edges.push(edge.id);
    }
    return { boxes: [...path.boxes], edges, chats: path.chats, converted: path.converted };
}
