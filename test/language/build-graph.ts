import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { FlowGraph } from '../../language/flow-model.js';

const services = createChatflowServices(EmptyFileSystem).Chatflow;
const parse = parseHelper(services);

/** Parses and links a flow text in memory and returns the FlowGraph of its first (or named) flow. */
export async function graphOf(text: string, flow?: string): Promise<FlowGraph> {
    const document = await parse(text);
    const graphs = services.flow.FlowGraphBuilder.buildDocument(document);
    const graph = flow ? graphs.find(g => g.flow === flow) : graphs[0];
    if (!graph) throw new Error(`no flow ${flow ?? ''} in the text`);
    return graph;
}

export function exampleGraph(file: string, flow?: string): Promise<FlowGraph> {
    return graphOf(readFileSync(`examples/${file}`, 'utf8'), flow);
}
