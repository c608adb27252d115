import type { ToWebview } from '../webview-protocol.js';

const ANSWER_MS = 10_000;

interface Pending { resolve(svg: string): void; reject(error: Error): void; timer: NodeJS.Timeout }

/** Matches `exportSvg` requests to the webview's `svg` answers by request id, with a timeout. */
export class SvgRequests {
    private next = 1;
    private readonly pending = new Map<number, Pending>();

    constructor(private readonly post: (message: ToWebview) => void) {}

    request(documentName: string): Promise<string> {
        const requestId = this.next++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(requestId);
                reject(new Error(`The preview of ${documentName} did not send its drawing within ${ANSWER_MS / 1000} s. ` +
                    'Check that it shows a graph, then export again.'));
            }, ANSWER_MS);
            this.pending.set(requestId, { resolve, reject, timer });
            this.post({ type: 'exportSvg', requestId });
        });
    }

    answer(requestId: number, svg: string): void {
        const pending = this.pending.get(requestId);
        if (!pending) return; // answered after its timeout: the user was already told
        this.pending.delete(requestId);
        clearTimeout(pending.timer);
        pending.resolve(svg);
    }

    dispose(reason: string): void {
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(new Error(`Export cancelled: ${reason}.`));
        }
        this.pending.clear();
    }
}
