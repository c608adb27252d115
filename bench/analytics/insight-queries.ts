import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';

/** One row of the bench table (the shape the bench aggregator reads). */
export interface BenchRow {
    figure: string;
    goal: number;
    measured: number;
    unit: 'ms';
    /** The peers report no such number: the goal is absolute. */
    peer: number | null;
    ratio: number | null;
    met: boolean;
}

/** The goal of each query on 1M events, cold (README: Metrics; issue 16). */
export const INSIGHT_GOAL_MS = 500;

/**
 * Times each query of "what to fix first" cold: the median of 3 runs, the store's memo emptied
 * before each (SQLite's page cache stays warm, as in the other metric rows).
 */
export async function insightQueryRows(store: MetricStore, context: FlowContext): Promise<BenchRow[]> {
    const queries: Array<[string, () => Promise<unknown>]> = [
        ['outcomes per day', () => store.outcomes(context)],
        ['fix-first list (lost conversions, retries, repeats, time before leaving)', () => store.fixFirst(context)],
        ['top 10 complete paths with conversions', () => store.completePaths(context, 10)],
        ['time to convert per goal', () => store.timeToConvert(context)],
        ['segment values by channel', () => store.segmentValues(context, 'channel')],
        ['segment values by hour (America/Chicago)', () => store.segmentValues(context, 'hour', { timeZone: 'America/Chicago' })],
        ['box stats of one channel segment', () => store.boxStats(context, { segment: { by: 'channel', value: null } })],
        ['drill-down: an outcome', () => store.chats(context, { metric: 'outcome', outcome: 'abandoned' })]
    ];
    const rows: BenchRow[] = [];
    for (const [figure, query] of queries) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
            store.memo.forget();
            const start = performance.now();
            await query();
            times.push(performance.now() - start);
        }
        const measured = Math.round(times.sort((a, b) => a - b)[1]);
        rows.push({ figure: `${figure}, cold`, goal: INSIGHT_GOAL_MS, measured, unit: 'ms', peer: null, ratio: null, met: measured <= INSIGHT_GOAL_MS });
    }
    return rows;
}

/** The rows as the bench prints them. */
export function printRows(rows: readonly BenchRow[]): void {
    for (const row of rows) console.log(`  ${row.figure.padEnd(78)} ${String(row.measured).padStart(6)} ms  ${row.met ? 'met' : 'MISSED'} (goal <= ${row.goal} ms)`);
}
