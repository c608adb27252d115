import type { AnalyticsOverviewResult } from '../../../server/protocol.js';
import { formatCount, h } from '../preview/dom.js';
import { comparisonView } from './comparison-view.js';
import { conversionChart } from './conversion-chart.js';
import { dropOutTable } from './dropout-table.js';
import { funnelView } from './funnel-view.js';
import type { OpenChats } from './number-button.js';
import { privacyBanner } from './privacy-banner.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/** The overview of a document's numbers: totals, chart, drop-outs, funnels, version comparison. */
export function overviewView(title: string, o: Available, open: OpenChats, reveal: (boxId: string) => void): HTMLElement {
    const span = o.totals.first && o.totals.last ? `, ${o.totals.first.slice(0, 10)} to ${o.totals.last.slice(0, 10)}` : '';
    const versions = o.versions.map(v => h('span', { class: 'chip' }, `${v.version}: ${formatCount(v.chats)} chats`));
    return h('div', { class: 'overview' },
        h('header', { class: 'title' }, h('h1', {}, title),
            h('p', { class: 'hint' }, `${formatCount(o.totals.chats)} chats, ${formatCount(o.totals.events)} events${span} · ${o.db}`)),
        privacyBanner(o.privacy),
        section('Conversions per day', conversionChart(o.conversions, open)),
        section('Top drop-outs', dropOutTable(o.dropOuts, o.visits, o.dwell, open, reveal)),
        section('Goal funnels', o.funnels.length ? h('div', { class: 'funnels' }, ...o.funnels.map(f => funnelView(f, open)))
            : h('p', { class: 'empty' }, 'The flows mark no goal.')),
        section('Flow versions', h('div', {}, h('p', {}, ...versions), comparisonView(o))));
}

function section(title: string, body: HTMLElement): HTMLElement {
    return h('section', { class: 'card' }, h('h2', {}, title), body);
}

/** No numbers yet (no database, or it cannot be opened): the reason, and a way to import logs. */
export function unavailableView(title: string, message: string, db: string, importLogs: () => void): HTMLElement {
    const button = h('button', { class: 'primary import' }, 'Import Chat Logs…');
    button.addEventListener('click', importLogs);
    return h('div', { class: 'unavailable' }, h('h1', {}, title), h('p', { class: 'message' }, message),
        h('p', { class: 'hint' }, db), button);
}
