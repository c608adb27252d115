import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';

/**
 * The queries of "what to fix first" (outcomes, the fix-first list, paths, time to convert,
 * segments), timed by the analytics bench beside the other metric queries, cold and warm.
 */
export function insightQueries(store: MetricStore, context: FlowContext): Array<[string, () => Promise<unknown>]> {
    return [
        ['outcomes per day', () => store.outcomes(context)],
        ['fix-first list (lost conversions, retries, repeats, time before leaving)', () => store.fixFirst(context)],
        ['top 10 complete paths with conversions', () => store.completePaths(context, 10)],
        ['time to convert per goal', () => store.timeToConvert(context)],
        ['segment values by channel', () => store.segmentValues(context, 'channel')],
        ['segment values by hour (America/Chicago)', () => store.segmentValues(context, 'hour', { timeZone: 'America/Chicago' })],
        ['box stats of one channel segment', () => store.boxStats(context, { segment: { by: 'channel', value: null } })],
        ['drill-down: an outcome', () => store.chats(context, { metric: 'outcome', outcome: 'abandoned' })]
    ];
}
