/** What VS Code injects into a webview; callable once per page. */
interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/**
 * The typed channel between a webview bundle and the extension: the only way a bundle talks to
 * VS Code. `known` names every message type the extension sends (the protocol's
 * `*_MESSAGE_TYPES` table); anything else posted into the page is dropped.
 */
export class WebviewHost<To extends { type: string }, From, State extends { uri: string }> {
    private readonly api: VsCodeApi = acquireVsCodeApi();

    constructor(private readonly known: Readonly<Record<To['type'], true>>) {}

    post(message: From): void {
        this.api.postMessage(message);
    }

    /** The state saved before a reload, if any (also what the extension's serializer receives). */
    restoredState(): State | undefined {
        const state = this.api.getState() as State | undefined;
        return state && typeof state.uri === 'string' ? state : undefined;
    }

    saveState(state: State): void {
        this.api.setState(state);
    }

    onMessage(handler: (message: To) => void): void {
        window.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { type?: unknown } | null;
            if (data && typeof data.type === 'string' && Object.hasOwn(this.known, data.type)) handler(data as To);
        });
    }
}
