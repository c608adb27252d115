import { TO_PREVIEW_MESSAGE_TYPES, type FromPreview, type PreviewState, type ToPreview } from '../../webview-protocol.js';
import { WebviewHost } from '../common/host.js';

/** The preview's channel to the extension. */
export class Host extends WebviewHost<ToPreview, FromPreview, PreviewState> {
    constructor() {
        super(TO_PREVIEW_MESSAGE_TYPES);
    }

    /** Something failed in the page (layout, rendering): shown in the extension's output channel. */
    log(level: 'info' | 'warn' | 'error', message: string): void {
        this.post({ type: 'log', level, message });
    }
}
