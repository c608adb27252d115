/**
 * The layout Web Worker: ELK layered layout off the UI thread. main.ts starts it from a Blob URL
 * (a webview cannot load a worker from its resource origin directly).
 */
import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { FromLayoutWorker, ToLayoutWorker } from './layout-types.js';
import { fromElkGraph, toElkGraph } from './to-elk.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// elk.bundled.js runs ELK in this thread through its fake worker; in a worker scope it also
// installs its own self.onmessage, which this worker's handler replaces.
// The CommonJS module object is the constructor and also carries it as `.default`.
const elk = new ElkModule.default();

scope.onmessage = async (event: MessageEvent<ToLayoutWorker>) => {
    const request = event.data;
    if (request?.type !== 'layout') return;
    let reply: FromLayoutWorker;
    try {
        const graph = toElkGraph(request.input);
        const started = performance.now();
        const laidOut = await elk.layout(graph);
        reply = { type: 'laidOut', id: request.id, result: fromElkGraph(laidOut, performance.now() - started) };
    } catch (error) {
        reply = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
};
