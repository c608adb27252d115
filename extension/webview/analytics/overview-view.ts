import { describeFilter, isFiltered, type AnalyticsOverviewResult, type CompletePath, type PanelFilter } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import { comparisonView } from './comparison-view.js';
import { conversionChart } from './conversion-chart.js';
import { dropOutTable } from './dropout-table.js';
import { experimentsView } from './experiment-view.js';
import { filterBar } from './filter-bar.js';
import { funnelView } from './funnel-view.js';
import type { OpenChats } from './number-button.js';
import { privacyBanner } from './privacy-banner.js';
import { unmatchedView } from './unmatched-view.js';
import { fixFirstView } from './fix-first-view.js';
import { outcomesView } from './outcomes-view.js';
import { pathsView, timeToConvertView } from './paths-view.js';
import { segmentsView, type OpenSegmentChats } from './segments-view.js';
import { untestedView } from './untested-view.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/**
 * The overview of a document's numbers: totals, the filter, chart, drop-outs, funnels, version
 * comparison. Every section shows the chats `filter` selects; none selected says so.
 */
export function overviewView(title: string, o: Available, filter: PanelFilter, applyFilter: (filter: PanelFilter) => void,
    open: OpenChats, reveal: (boxId: string) => void, openSegment: OpenSegmentChats, lightPath: (path: CompletePath) => void): HTMLElement {
    const first = o.totals.first?.slice(0, 10), last = o.totals.last?.slice(0, 10);
    const span = first && last ? `, ${first} to ${last}` : '';
    const versions = o.versions.map(v => h('span', { class: 'chip' }, `${v.version}: ${formatCount(v.chats)} chats`));
    // The versions list counts every version in the date range, whatever version is picked.
    const selected = filter.version ? o.versions.find(v => v.version === filter.version)?.chats ?? 0 : o.versions.reduce((sum, v) => sum + v.chats, 0);
    const header = h('header', { class: 'title' }, h('h1', {}, title),
        h('p', { class: 'hint' }, `${formatCount(o.totals.chats)} chats, ${formatCount(o.totals.events)} events${span} · ${o.db}`),
        filterBar(filter, { versions: o.storeVersions ?? o.versions.map(v => v.version), first, last }, applyFilter),
        isFiltered(filter) ? h('p', { class: 'filtered', role: 'status' }, `Showing ${formatCount(selected)} chats: ${describeFilter(filter)}.`) : undefined);
    if (isFiltered(filter) && selected === 0) {
        return h('div', { class: 'overview' }, header,
            privacyBanner(o.privacy),
            h('p', { class: 'empty no-match', role: 'status' }, `No chats of these flows match the filter (${describeFilter(filter)}). Widen the dates, pick another version, or clear the filter.`));
    }
    return h('div', { class: 'overview' }, header,
        privacyBanner(o.privacy),
        o.insight ? section('Outcomes', outcomesView(o.insight.outcomes, open)) : undefined,
        o.insight ? section('Fix these first', fixFirstView(o.insight.fixFirst, open, reveal)) : undefined,
        o.insight ? section('Segments', segmentsView(o.insight, filter, applyFilter, openSegment)) : undefined,
        section('Conversions per day', conversionChart(o.conversions, open)),
        o.insight ? section('Time to convert', timeToConvertView(o.insight.timeToConvert, open)) : undefined,
        section('Top drop-outs', dropOutTable(o.dropOuts, o.visits, o.dwell, open, reveal)),
        o.insight ? section('Most taken paths', pathsView(o.insight.paths, open, reveal, lightPath)) : undefined,
        section('Goal funnels', o.funnels.length ? h('div', { class: 'funnels' }, ...o.funnels.map(f => funnelView(f, open)))
            : h('p', { class: 'empty' }, 'The flows mark no goal.')),
        o.experiments?.length ? section('Experiments', experimentsView(o.experiments, open, reveal)) : undefined,
        o.untested?.length ? section('Untested traffic', untestedView(o.untested, open)) : undefined,
        section('Flow versions', h('div', {}, h('p', {}, ...versions), comparisonView(o))),
        unmatchedView(o.unmatched));
}

function section(title: string, body: HTMLElement): HTMLElement {
    return h('section', { class: 'card' }, h('h2', {}, title), body);
}

/** No numbers yet (no database, or it cannot be opened): the reason, and a way to import logs. */
/** Why there are no numbers (no database yet, a server that does not answer...), with Import and Retry. */
export function unavailableView(title: string, message: string, db: string, importLogs: () => void, retry: () => void): HTMLElement {
    const importButton = h('button', { class: 'primary import' }, 'Import Chat Logs…');
    importButton.addEventListener('click', importLogs);
    const retryButton = h('button', { class: 'secondary retry' }, 'Retry');
    retryButton.addEventListener('click', retry);
    return h('div', { class: 'unavailable' }, h('h1', {}, title), h('p', { class: 'message', role: 'alert' }, message),
        h('p', { class: 'hint' }, db), h('p', { class: 'actions' }, importButton, ' ', retryButton));
}
