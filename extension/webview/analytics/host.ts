import { TO_ANALYTICS_TYPES, type AnalyticsState, type FromAnalytics, type ToAnalytics } from '../../analytics-protocol.js';

/** What VS Code injects into a webview; callable once per page. */
interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const KNOWN = new Set<string>(TO_ANALYTICS_TYPES);

/** The typed channel to the extension: the only way the Analytics bundle talks to VS Code. */
export class AnalyticsHost {
    private readonly api: VsCodeApi = acquireVsCodeApi();

    post(message: FromAnalytics): void {
        this.api.postMessage(message);
    }

    /** What the page saved before VS Code reloaded it, if anything. */
    restoredState(): AnalyticsState | undefined {
        return (this.api.getState() ?? undefined) as AnalyticsState | undefined;
    }

    saveState(state: AnalyticsState): void {
        this.api.setState(state);
    }

    onMessage(handler: (message: ToAnalytics) => void): void {
        window.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { type?: unknown } | null;
            if (data && typeof data.type === 'string' && KNOWN.has(data.type)) handler(data as ToAnalytics);
        });
    }
}
