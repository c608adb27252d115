import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { SegmentError } from '../../analytics/metrics/segment-sql.js';
import type { AnalyticsFilter, SegmentBy } from '../../analytics/model.js';
import { compareSegments } from '../../analytics/segment-comparison.js';
import type { AnalyticsInsight, SegmentColumn } from '../protocol.js';

/** Complete paths the panel lists. */
export const PANEL_PATHS = 10;

/** The panel's "what to fix first" numbers for the context's flows (call inside the overview's snapshot). */
export async function insightNumbers(store: MetricStore, context: FlowContext, filter: AnalyticsFilter, segmentBy?: SegmentBy): Promise<AnalyticsInsight> {
    const [outcomes, fixFirst, paths, timeToConvert] = await Promise.all([
        store.outcomes(context, filter), store.fixFirst(context, filter), store.completePaths(context, PANEL_PATHS, filter), store.timeToConvert(context, filter)
    ]);
    return { outcomes, fixFirst, paths, timeToConvert, segmentVariables: segmentVariables(context), ...(segmentBy ? { segments: await segmentColumns(store, context, filter, segmentBy) } : {}) };
}

async function segmentColumns(store: MetricStore, context: FlowContext, filter: AnalyticsFilter, by: SegmentBy): Promise<NonNullable<AnalyticsInsight['segments']>> {
    try {
        const values = await store.segmentValues(context, by, filter);
        const columns: Array<Omit<SegmentColumn, 'differences'>> = [];
        for (const { value } of values) {
            const segment = { ...filter, segment: { by, value } };
            const [{ days: _days, chats, ...outcomes }, conversions] = await Promise.all([store.outcomes(context, segment), store.conversions(context, segment)]);
            columns.push({ value, chats, outcomes, conversions });
        }
        const differences = compareSegments(columns);
        return { by, columns: columns.map((column, i) => ({ ...column, differences: differences[i] })) };
    } catch (error) {
        // A sensitive or unknown variable: the panel says why instead of failing the whole overview.
        if (error instanceof SegmentError) return { by, refused: error.message };
        throw error;
    }
}

/** Variables saved by an input box of the flows, neither declared nor saved as sensitive. */
export function segmentVariables(context: FlowContext): string[] {
    const graphs = [...context.flows.values()];
    const sensitive = new Set([...graphs.flatMap(g => g.variables.filter(v => v.sensitive).map(v => v.name)),
        ...[...context.boxes.values()].filter(b => b.input?.sensitive && b.input.variable).map(b => b.input!.variable!)]);
    return [...new Set([...context.boxes.values()].map(b => b.input?.variable).filter((v): v is string => v !== undefined && !sensitive.has(v)))].sort();
}
