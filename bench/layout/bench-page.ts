/**
 * Loaded into the preview page next to the real bundle: exposes raw elkjs (elk-api + its own
 * worker, as elkjs's README sets it up) on exactly the ELK graph the preview builds.
 */
import ElkApi from 'elkjs/lib/elk-api.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { layoutInput } from '../../extension/webview/preview/layout-input.js';
import type { LayoutInput } from '../../extension/webview/preview/layout-types.js';
import { pageFont, TextMeasurer } from '../../extension/webview/preview/text-metrics.js';
import { toElkGraph } from '../../extension/webview/preview/to-elk.js';

const workerUrl = (async () => {
    const script = await (await fetch(new URL('/elk/elk-worker.min.js', location.href))).text();
    return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
})();

let elk: InstanceType<typeof ElkApi.default> | undefined;

async function rawElk(): Promise<InstanceType<typeof ElkApi.default>> {
    const url = await workerUrl;
    elk ??= new ElkApi.default({ workerFactory: () => new Worker(url) });
    return elk;
}

export interface OursResult {
    /** 'drawn', or 'overview' when the preview chose its fallback first. */
    first: 'drawn' | 'overview';
    /** Post of the graph message -> first thing painted (drawing or overview). */
    firstMs: number;
    /** For an overview: click on "Lay out anyway" -> drawing painted, or -> the overview is back. */
    anywayMs?: number;
    /** For an overview: what "Lay out anyway" did. */
    anyway?: string;
    /** Time inside elk.layout() in the preview's worker, for the drawing. */
    elkMs?: number;
    /** The preview's own breakdown: message -> layout request, worker round trip, SVG drawing. */
    detail?: { beforeLayoutMs: number; layoutMs: number; drawMs: number };
    /** Longest gap between animation frames while the worker was laying out (UI thread freedom). */
    maxFrameGapWhileLayingOutMs: number;
    /** Longest gap between animation frames over the whole run (includes drawing the SVG). */
    maxFrameGapMs: number;
}

const root = () => document.getElementById('chatflow-preview')!;

/** Resolves with the first of these events on the preview root, or undefined after `capMs`. */
function next(types: string[], capMs = Infinity): Promise<CustomEvent | undefined> {
    return new Promise(resolve => {
        const done = (event?: Event) => {
            for (const type of types) root().removeEventListener(type, done);
            window.clearTimeout(timer);
            resolve(event as CustomEvent | undefined);
        };
        for (const type of types) root().addEventListener(type, done);
        const timer = Number.isFinite(capMs) ? window.setTimeout(() => done(undefined), capMs) : 0;
    });
}

/** After the next paint. */
function painted(): Promise<void> {
    return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Watches animation frames: a long gap is a frozen UI thread. */
function frameProbe(): { stop(): { all: number; layingOut: number } } {
    let last = performance.now();
    let all = 0, layingOut = 0, running = true;
    const tick = (now: number) => {
        const gap = now - last;
        last = now;
        all = Math.max(all, gap);
        if (root().dataset.status === 'laying-out') layingOut = Math.max(layingOut, gap);
        if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return { stop: () => { running = false; return { all, layingOut }; } };
}

Object.assign(window, {
    /** Our end-to-end time: post the `graph` message as the extension does, until it is painted. */
    async benchOurs(json: string, capMs: number): Promise<OursResult> {
        const message = JSON.parse(json) as unknown;
        const probe = frameProbe();
        const started = performance.now();
        const first = next(['chatflow-drawn', 'chatflow-overview']);
        window.postMessage(message, '*');
        let event = await first;
        await painted();
        const result: OursResult = {
            first: event?.type === 'chatflow-overview' ? 'overview' : 'drawn', firstMs: performance.now() - started,
            elkMs: event?.detail?.elkMs, detail: event?.detail, maxFrameGapMs: 0, maxFrameGapWhileLayingOutMs: 0
        };
        if (result.first === 'overview') {
            const anyway = performance.now();
            const drawn = next(['chatflow-drawn', 'chatflow-overview'], capMs);
            root().querySelector<HTMLButtonElement>('[data-action="layout-anyway"]')!.click();
            event = await drawn;
            if (event?.type === 'chatflow-drawn') {
                await painted();
                result.anywayMs = performance.now() - anyway;
                result.anyway = 'drawn';
                result.elkMs = event.detail.elkMs;
                result.detail = event.detail;
            } else if (event) {
                result.anywayMs = performance.now() - anyway;
                result.anyway = `overview again: ${root().querySelector('.cf-overview-reason')?.textContent ?? ''}`;
            } else {
                root().querySelector<HTMLButtonElement>('[data-action="cancel-layout"]')?.click();
                result.anyway = `not done after the ${capMs / 1000} s cap: cancelled`;
            }
        }
        const gaps = probe.stop();
        result.maxFrameGapMs = gaps.all;
        result.maxFrameGapWhileLayingOutMs = gaps.layingOut;
        return result;
    },
    /** The layout input the preview computes for this graph (same text measures). */
    benchInput(graph: FlowGraph): LayoutInput {
        return layoutInput(graph, 'DOWN', new TextMeasurer(pageFont(11)));
    },
    /** Milliseconds of one raw `elk.layout()` on the preview's ELK graph, worker round trip included. */
    async benchRaw(input: LayoutInput, capMs: number): Promise<number | undefined> {
        const instance = await rawElk();
        const graph = toElkGraph(input);
        const started = performance.now();
        let timer = 0;
        const capped = new Promise<undefined>(resolve => { timer = window.setTimeout(() => resolve(undefined), capMs); });
        const done = await Promise.race([instance.layout(graph).then(() => performance.now() - started), capped]);
        window.clearTimeout(timer);
        if (done === undefined) {
            // Over the cap: stop ELK's worker; the next call starts a fresh one.
            instance.terminateWorker();
            elk = undefined;
        }
        return done;
    }
});

export interface FrameTimes {
    /** Per frame: the frame's start (its requestAnimationFrame time) -> after its paint, ms. */
    frames: number[];
    /** Boxes in the DOM after each gesture (culling at work), the most seen. */
    maxBoxesInDom: number;
}

/** After the frame's rendering: a message posted during the frame runs after its paint. */
function afterPaint(): Promise<number> {
    return new Promise(resolve => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(undefined);
    });
}

Object.assign(window, {
    /**
     * Frame times of pan and zoom on the drawn flow, as a user's wheel makes them: each frame one
     * wheel event (horizontal: pan; vertical: zoom around the pointer), timed from the frame's
     * start to after its paint, so the culling redraws scheduled by the viewport are included.
     * With `idle`, the same frames with no gesture: the peer (what an empty frame costs here).
     */
    async benchPanZoom(steps: number, idle: boolean): Promise<FrameTimes> {
        const svg = root().querySelector<SVGSVGElement>('svg.cf-canvas')!;
        const bounds = svg.getBoundingClientRect();
        const cx = bounds.left + bounds.width / 2, cy = bounds.top + bounds.height / 2;
        const frames: number[] = [];
        let maxBoxesInDom = 0;
        for (let step = 0; step < steps; step++) {
            const phase = Math.floor(step / (steps / 4));
            const frameStart = await new Promise<number>(resolve => requestAnimationFrame(now => {
                if (!idle) {
                    // Pan right, zoom out (down to outlines), pan left, zoom back in.
                    const init: WheelEventInit = phase === 0 ? { deltaX: 60 } : phase === 1 ? { deltaY: 60 } : phase === 2 ? { deltaX: -60 } : { deltaY: -60 };
                    svg.dispatchEvent(new WheelEvent('wheel', { ...init, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
                }
                resolve(now);
            }));
            // The viewport's culling redraw runs in the next frame's rAF: time that frame too.
            const end = await afterPaint();
            frames.push(end - frameStart);
            maxBoxesInDom = Math.max(maxBoxesInDom, svg.querySelectorAll('[data-box]').length);
        }
        return { frames, maxBoxesInDom };
    }
});
