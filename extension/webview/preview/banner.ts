import type { ProblemSummary } from '../../../language/flow-model.js';
import { h } from '../common/dom.js';

const SHOWN = 3;

/** The error banner shown while the document has errors; the last good drawing stays below it. */
export function showProblems(banner: HTMLElement, errors: ProblemSummary[], hasDrawing: boolean): void {
    const count = errors.length;
    const head = count === 1 ? 'The flow has 1 error' : `The flow has ${count} errors`;
    const tail = hasDrawing ? '; the graph shows the last version without errors.' : '; the graph appears once they are fixed.';
    const more = count > SHOWN ? h('p', {}, `…and ${count - SHOWN} more in the Problems panel.`) : '';
    banner.replaceChildren(
        h('strong', {}, head + tail),
        h('ul', {}, ...errors.slice(0, SHOWN).map(e =>
            h('li', { 'data-line': e.line + 1 }, `Line ${e.line + 1}, column ${e.character + 1}: ${e.message}`))),
        more
    );
    banner.hidden = false;
}

export function hideProblems(banner: HTMLElement): void {
    banner.hidden = true;
    banner.replaceChildren();
}
