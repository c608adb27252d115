import type { FromWebview, PreviewState, ToWebview } from '../../webview-protocol.js';

/** What VS Code injects into a webview; callable once per page. */
interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const TO_WEBVIEW_TYPES = new Set<ToWebview['type']>(['graph', 'problems', 'highlight', 'coverage', 'exportSvg', 'stats']);

/** The typed channel to the extension: the only way this bundle talks to VS Code. */
export class Host {
    private readonly api: VsCodeApi = acquireVsCodeApi();

    post(message: FromWebview): void {
        this.api.postMessage(message);
    }

    log(level: 'info' | 'warn' | 'error', message: string): void {
        this.post({ type: 'log', level, message });
    }

    /** The state saved before a reload, if any (also what the extension's serializer receives). */
    restoredState(): PreviewState | undefined {
        const state = this.api.getState() as PreviewState | undefined;
        return state && typeof state.uri === 'string' ? state : undefined;
    }

    saveState(state: PreviewState): void {
        this.api.setState(state);
    }

    onMessage(handler: (message: ToWebview) => void): void {
        window.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { type?: unknown } | null;
            if (data && typeof data.type === 'string' && TO_WEBVIEW_TYPES.has(data.type as ToWebview['type'])) {
                handler(data as ToWebview);
            }
        });
    }
}
