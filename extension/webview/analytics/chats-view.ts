import type { ChatPage } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';

export interface ChatsViewActions {
    page(offset: number): void;
    transcript(chat: string): void;
    /** Writes the chat as a test of its flow. */
    toTest(chat: string, flow: string): void;
    close(): void;
}

/** One page of the chats behind a number: the heading says how many in all, the pager moves through them. */
export function chatsView(label: string, page: ChatPage, pageSize: number, actions: ChatsViewActions): HTMLElement {
    const list = h('ol', { class: 'chats', start: page.offset + 1 });
    for (const chat of page.chats) {
        const open = h('button', { class: 'chat-link', title: `Show the transcript of ${chat.chat}` }, chat.chat);
        open.addEventListener('click', () => actions.transcript(chat.chat));
        const toTest = h('button', { class: 'chat-to-test', title: `Write ${chat.chat} as a test of ${chat.flow} (sensitive answers are replaced)` }, 'Turn into test');
        toTest.addEventListener('click', () => actions.toTest(chat.chat, chat.flow));
        list.append(h('li', { 'data-chat': chat.chat }, open,
            h('span', { class: 'meta' }, `${chat.version} · ${chat.start.replace('T', ' ').slice(0, 16)}`),
            chat.count > 1 ? h('span', { class: 'badge' }, `×${chat.count}`) : undefined, toTest));
    }
    const last = Math.min(page.offset + page.chats.length, page.total);
    const previous = h('button', { class: 'page-previous', disabled: page.offset === 0 }, 'Previous');
    const next = h('button', { class: 'page-next', disabled: last >= page.total }, 'Next');
    previous.addEventListener('click', () => actions.page(Math.max(0, page.offset - pageSize)));
    next.addEventListener('click', () => actions.page(page.offset + pageSize));
    const close = h('button', { class: 'close', title: 'Close the chats list' }, '×');
    close.addEventListener('click', () => actions.close());
    return h('section', { class: 'chats-view', 'data-total': page.total },
        h('header', {}, h('h2', {}, `${formatCount(page.total)} chat${page.total === 1 ? '' : 's'}`), close),
        h('p', { class: 'hint' }, label),
        list,
        h('div', { class: 'pager' }, previous,
            h('span', { class: 'range' }, page.total === 0 ? 'none' : `${page.offset + 1}–${last} of ${formatCount(page.total)}`), next));
}
