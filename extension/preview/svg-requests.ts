import type { ToPreview } from '../webview-protocol.js';

/** How long an export waits for the webview to have a drawing (it may still be laying out). */
const EXPORT_WAIT_MS = 15_000;

interface Pending { resolve(svg: string | undefined): void; timer: NodeJS.Timeout }

/** Matches `exportSvg` requests to the webview's `svg` answers by request id, with a timeout. */
export class SvgRequests {
    private next = 1;
    private readonly pending = new Map<number, Pending>();

    constructor(private readonly post: (message: ToPreview) => void) {}

    /**
     * The drawing as SVG. Asks again while the webview has none yet (still laying out) or does
     * not answer, until EXPORT_WAIT_MS have passed; then says why there is nothing to export.
     */
    async drawing(documentName: string, closed: () => boolean): Promise<string> {
        const deadline = Date.now() + EXPORT_WAIT_MS;
        let answer: string | undefined;
        while (!closed() && Date.now() < deadline) {
            answer = await this.request(Math.min(2000, Math.max(1, deadline - Date.now())));
            if (answer) return answer;
            await new Promise(resolve => setTimeout(resolve, 250));
        }
        if (closed()) throw new Error(`the preview of ${documentName} was closed`);
        throw new Error(answer === undefined
            ? `the preview of ${documentName} did not answer within ${EXPORT_WAIT_MS / 1000} s`
            : `the preview of ${documentName} has no drawing yet (the flow has errors, or it is shown as an overview). Export again once the graph shows`);
    }

    /** The webview's answer ('' when it has no drawing), or undefined if none came in time. */
    request(timeoutMs: number): Promise<string | undefined> {
        const requestId = this.next++;
        return new Promise(resolve => {
            const timer = setTimeout(() => {
                this.pending.delete(requestId);
                resolve(undefined);
            }, timeoutMs);
            this.pending.set(requestId, { resolve, timer });
            this.post({ type: 'exportSvg', requestId });
        });
    }

    answer(requestId: number, svg: string): void {
        const pending = this.pending.get(requestId);
        if (!pending) return; // answered after its timeout: a later request was sent
        this.pending.delete(requestId);
        clearTimeout(pending.timer);
        pending.resolve(svg);
    }

    dispose(): void {
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.resolve(undefined);
        }
        this.pending.clear();
    }
}
