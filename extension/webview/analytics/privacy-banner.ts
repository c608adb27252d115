import type { PrivacyStatus } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';

/** A warning above the numbers while the store holds free text kept as typed (the 'keep' policy, or data from before policies). */
export function privacyBanner(status: PrivacyStatus | undefined): HTMLElement | undefined {
    if (!status?.keptText) return undefined;
    const imports = status.keptImports === 1 ? 'one import' : `${formatCount(status.keptImports)} imports`;
    return h('p', { class: 'privacy-warning', role: 'alert' },
        h('strong', {}, 'Kept patient text: '),
        `this database holds typed answers stored as typed (${imports} under the 'keep' privacy policy, or from before policies existed). `
        + 'Safe Harbor identifiers were removed, but names and other free text may remain. '
        + 'Run "Chatflow: Re-apply Privacy Policy to Database" to redact them.');
}
