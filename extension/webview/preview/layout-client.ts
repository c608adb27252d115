import type { FromLayoutWorker, LayoutInput, LayoutResult, ToLayoutWorker } from './layout-types.js';

/** Thrown into pending layouts when the user cancels a long layout. */
export class LayoutCancelled extends Error {
    constructor() {
        super('layout cancelled');
    }
}

interface Pending {
    resolve(result: LayoutResult): void;
    reject(error: Error): void;
}

/**
 * Runs layouts in the layout worker. A webview may not start a worker from its resource URL
 * (another origin), so the script is fetched (CSP `connect-src`) and started from a Blob URL
 * (CSP `worker-src blob:`). The Blob URL is kept, so a cancelled worker restarts cheaply.
 */
export class LayoutClient {
    private script?: Promise<string>;
    private worker?: Worker;
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();

    constructor(private readonly workerUrl: string) {}

    async layout(input: LayoutInput): Promise<LayoutResult> {
        const worker = await this.ensureWorker();
        const id = this.nextId++;
        return new Promise<LayoutResult>((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            const request: ToLayoutWorker = { type: 'layout', id, input };
            worker.postMessage(request);
        });
    }

    /**
     * Starts the worker and runs a two-box layout, so ELK's one-time start-up cost is paid while
     * the extension is still fetching the first graph.
     */
    warmUp(): void {
        const input: LayoutInput = {
            direction: 'DOWN',
            boxes: [{ id: 'a', width: 100, height: 40 }, { id: 'b', width: 100, height: 40 }],
            edges: [{ id: 'a-b', from: 'a', to: 'b', label: { text: 'warm up', width: 50, height: 18 } }]
        };
        // A failure here repeats, and is reported, on the first real layout.
        this.layout(input).catch(() => undefined);
    }

    /** Stops the running layout at once (ELK cannot be interrupted: the worker is terminated). */
    cancel(): void {
        this.worker?.terminate();
        this.worker = undefined;
        this.failAll(new LayoutCancelled());
    }

    dispose(): void {
        this.cancel();
    }

    private async ensureWorker(): Promise<Worker> {
        if (this.worker) return this.worker;
        this.script ??= this.loadScript();
        const url = await this.script;
        if (this.worker) return this.worker;
        const worker = new Worker(url, { name: 'chatflow-layout' });
        worker.onmessage = (event: MessageEvent<FromLayoutWorker>) => this.settle(event.data);
        worker.onerror = event => {
            event.preventDefault();
            this.worker = undefined;
            worker.terminate();
            this.failAll(new Error(`The layout worker crashed: ${event.message || 'unknown error'}.`));
        };
        this.worker = worker;
        return worker;
    }

    private async loadScript(): Promise<string> {
        let response: Response;
        try {
            response = await fetch(this.workerUrl);
        } catch (error) {
            this.script = undefined;
            throw new Error(`Could not fetch the layout worker ${this.workerUrl} (${String(error)}): the webview CSP must allow connect-src for the extension's resources.`);
        }
        if (!response.ok) {
            this.script = undefined;
            throw new Error(`Could not fetch the layout worker ${this.workerUrl}: HTTP ${response.status}. Was dist/webview built?`);
        }
        const blob = new Blob([await response.text()], { type: 'text/javascript' });
        return URL.createObjectURL(blob);
    }

    private settle(reply: FromLayoutWorker): void {
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        this.pending.delete(reply.id);
        if (reply.type === 'laidOut') pending.resolve(reply.result);
        else pending.reject(new Error(`Layout failed: ${reply.message}`));
    }

    private failAll(error: Error): void {
        const pending = [...this.pending.values()];
        this.pending.clear();
        for (const p of pending) p.reject(error);
    }
}
