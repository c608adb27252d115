import type { FlowBox } from '../../../language/flow-model.js';
import { findBoxes, SearchCursor } from './box-search.js';
import type { GraphView } from './graph-view.js';

/**
 * The toolbar's box search: typing marks every box found and brings the best one into view;
 * Enter moves the focus to it (Enter again reveals it in the editor), Shift+Enter steps to the
 * next one, Escape clears. `/` or Ctrl+F anywhere in the preview comes back here.
 */
export class SearchField {
    private readonly cursor = new SearchCursor();

    constructor(private readonly input: HTMLInputElement, private readonly count: HTMLElement, private readonly graph: GraphView,
        private readonly boxes: () => readonly FlowBox[], root: HTMLElement) {
        input.addEventListener('input', () => this.search());
        input.addEventListener('keydown', e => this.keyDown(e));
        // On the document: before anything is focused, keys go to <body>, outside the root.
        root.ownerDocument.addEventListener('keydown', e => {
            const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
            if ((e.key === '/' && !typing) || (e.key === 'f' && (e.ctrlKey || e.metaKey))) {
                e.preventDefault();
                input.focus();
                input.select();
            }
        });
    }

    /** A new drawing: the marks follow the search text. */
    refresh(): void {
        if (this.input.value.trim() !== '') this.search(false);
    }

    private search(move = true): void {
        this.cursor.set(findBoxes(this.boxes(), this.input.value));
        this.show(move);
    }

    private show(move: boolean): void {
        this.graph.setSearchHits(this.cursor.all);
        this.count.textContent = this.cursor.describe(this.input.value);
        const current = this.cursor.current;
        if (move && current) this.graph.bringIntoView(current);
    }

    private keyDown(e: KeyboardEvent): void {
        if (e.key === 'Escape') {
            this.input.value = '';
            this.search();
        } else if (e.key === 'Enter' && e.shiftKey) {
            this.cursor.step(1);
            this.show(true);
        } else if (e.key === 'Enter') {
            const current = this.cursor.current;
            if (current) this.graph.focusBox(current);
        } else {
            return;
        }
        e.preventDefault();
    }
}
