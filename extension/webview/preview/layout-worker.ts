/**
 * The layout Web Worker: ELK layered layout off the UI thread. main.ts starts it from a Blob URL
 * (a webview cannot load a worker from its resource origin directly).
 *
 * scripts/build-webview.mjs puts elkjs's own worker script (elk-worker.min.js) unchanged in
 * front of this bundle, with a `module` object for it to export its in-thread worker into:
 * wrapped in a bundler's module closure, the same ELK code runs measurably slower.
 */
import ElkApi from 'elkjs/lib/elk-api.js';
import { composeRegions, REGION_ABOVE, splitRegions } from './layout-regions.js';
import type { FromLayoutWorker, LayoutInput, LayoutResult, ToLayoutWorker } from './layout-types.js';
import { fromElkGraph, toElkGraph } from './to-elk.js';

interface ElkWorkerModule {
    exports: { Worker: new (url?: string) => Worker };
}

const scope = self as unknown as DedicatedWorkerGlobalScope & { module?: ElkWorkerModule };
const InThreadElk = scope.module?.exports.Worker;
if (!InThreadElk) throw new Error('layout-worker.js was built without elk-worker.min.js in front of it: run scripts/build-webview.mjs.');
// elk-worker.min.js also installed its own self.onmessage (it expects to be the whole worker);
// this worker's handler below replaces it and runs ELK in this thread through its fake worker.
const elk = new ElkApi.default({ workerFactory: () => new InThreadElk() });

scope.onmessage = async (event: MessageEvent<ToLayoutWorker>) => {
    const request = event.data;
    if (request?.type !== 'layout') return;
    let reply: FromLayoutWorker;
    try {
        reply = { type: 'laidOut', id: request.id, result: await layout(request.input) };
    } catch (error) {
        reply = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
};

async function layoutOnce(input: LayoutInput): Promise<LayoutResult> {
    const graph = toElkGraph(input);
    const started = performance.now();
    const laidOut = await elk.layout(graph);
    return fromElkGraph(laidOut, performance.now() - started);
}

/** One ELK layout, or for a huge flow one per region, composed (see layout-regions.ts). */
async function layout(input: LayoutInput): Promise<LayoutResult> {
    if (input.boxes.length <= REGION_ABOVE) return layoutOnce(input);
    const regions = splitRegions(input);
    const results: LayoutResult[] = [];
    for (const part of regions.parts) results.push(await layoutOnce(part));
    return composeRegions(input, regions, results);
}
