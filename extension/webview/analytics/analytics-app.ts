import { CHATS_PAGE_SIZE, unknownMessage, type DrillDown, type FromAnalytics, type PanelFilter, type ToAnalytics } from '../../webview-protocol.js';

type ChatsSegment = NonNullable<Extract<FromAnalytics, { type: 'chats' }>['segment']>;
import { h, must } from '../common/dom.js';
import { chatsView } from './chats-view.js';
import type { AnalyticsHost } from './host.js';
import { overviewView, unavailableView } from './overview-view.js';
import { transcriptView } from './transcript-view.js';

/** The Analytics page: the overview on the left, the chats behind a number and a transcript on the right. */
export class AnalyticsApp {
    private readonly main: HTMLElement;
    private readonly side: HTMLElement;
    private requestId = 0;
    private chats?: { requestId: number; drill: DrillDown; label: string; filterKey: string; segment?: ChatsSegment };
    private transcript?: number;
    private filter: PanelFilter = {};

    constructor(private readonly root: HTMLElement, private readonly host: AnalyticsHost) {
        this.main = h('main', { class: 'main' }, h('p', { class: 'hint loading' }, 'Loading the numbers…'));
        this.side = h('aside', { class: 'side', hidden: true });
        root.append(this.main, this.side);
        host.onMessage(message => this.receive(message));
    }

    receive(message: ToAnalytics): void {
        switch (message.type) {
            case 'overview': {
                const { result, title, uri } = message;
                this.filter = message.filter ?? {};
                this.host.saveState({ uri, filter: this.filter });
                this.main.replaceChildren(result.available
                    ? overviewView(title, result, this.filter, filter => this.applyFilter(filter), (drill, label) => this.openChats(drill, label, 0), box => this.reveal(box),
                        (drill, label, segment) => this.openChats(drill, label, 0, segment),
                        path => this.host.post({ type: 'lightPath', boxes: path.boxes, chats: path.chats, converted: path.converted }))
                    : unavailableView(title, result.message, result.db, () => this.host.post({ type: 'import' }), () => this.host.post({ type: 'retry' })));
                this.root.dataset.state = result.available ? 'available' : 'unavailable';
                // Chats listed for the previous filter would not add up to the new numbers.
                if (!result.available || (this.chats && this.chats.filterKey !== JSON.stringify(this.filter))) this.closeSide();
                return;
            }
            case 'chats': {
                if (message.requestId !== this.chats?.requestId) return;
                const pane = chatsView(this.chats.label, message.page, CHATS_PAGE_SIZE, {
                    page: offset => this.chats && this.openChats(this.chats.drill, this.chats.label, offset, this.chats.segment),
                    transcript: chat => this.openTranscript(chat),
                    toTest: (chat, flow) => this.host.post({ type: 'chatToTest', chat, flow }),
                    close: () => this.closeSide()
                });
                this.side.replaceChildren(pane);
                this.side.hidden = false;
                return;
            }
            case 'transcript': {
                if (message.requestId !== this.transcript) return;
                this.side.querySelector('.transcript-view, .failed')?.remove();
                const view = transcriptView(message.chat, message.entries, box => this.reveal(box));
                this.side.append(view);
                view.scrollIntoView({ block: 'nearest' });
                return;
            }
            case 'failed': {
                this.side.querySelector('.failed')?.remove();
                const target = message.requestId === undefined ? this.main : this.side;
                target.prepend(h('p', { class: 'failed', role: 'alert' }, message.message));
                if (target === this.side) this.side.hidden = false;
                return;
            }
            case 'focusBox':
                this.focusBox(message.box);
                return;
            default:
                unknownMessage(message, 'for the Analytics panel');
        }
    }

    /** Opens the box's fix-first row and brings it into view (from a box's hover in the editor). */
    private focusBox(box: string): void {
        const row = this.main.querySelector<HTMLDetailsElement>(`details.problem[data-box="${CSS.escape(box)}"]`);
        if (!row) return;
        row.open = true;
        row.parentElement?.querySelector<HTMLButtonElement>('.box-link')?.focus();
        row.scrollIntoView({ block: 'center' });
    }

    private openChats(drill: DrillDown, label: string, offset: number, segment?: ChatsSegment): void {
        const requestId = ++this.requestId;
        this.chats = { requestId, drill, label, filterKey: JSON.stringify(this.filter), segment };
        this.host.post({ type: 'chats', requestId, drill, offset, limit: CHATS_PAGE_SIZE, ...(segment ? { segment } : {}) });
    }

    /** Asks for the numbers of the chats `filter` selects; the page updates when they come. */
    private applyFilter(filter: PanelFilter): void {
        this.root.dataset.state = 'filtering';
        this.host.post({ type: 'filter', filter });
    }

    private openTranscript(chat: string): void {
        this.transcript = ++this.requestId;
        this.host.post({ type: 'transcript', requestId: this.transcript, chat });
    }

    private reveal(boxId: string): void {
        this.host.post({ type: 'reveal', boxId });
    }

    private closeSide(): void {
        this.chats = undefined;
        this.side.replaceChildren();
        this.side.hidden = true;
    }
}

export function mountAnalytics(host: AnalyticsHost): AnalyticsApp {
    return new AnalyticsApp(must<HTMLElement>(document, '#chatflow-analytics'), host);
}
