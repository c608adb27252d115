import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { insightQueries } from './insight-queries.js';

/** Every metric query the analytics and PostgreSQL benches time, by name. */
export function metricQueries(store: MetricStore, context: FlowContext): Array<[string, () => Promise<unknown>]> {
    return [
        ['visits per box', () => store.visits(context)],
        ['drop-outs per box', () => store.dropOuts(context)],
        ['edge traffic', () => store.edges(context)],
        ['conversions per goal per day', () => store.conversions(context)],
        ['funnel to appointment (derived path)', () => store.funnel(context, { goal: 'appointment' })],
        ['time at box before dropping out', () => store.dwellBeforeDropOut(context)],
        ['version comparison v1 vs v2', () => store.compareVersions(context, 'v1', 'v2')],
        ['box stats for the overlay', () => store.boxStats(context)],
        ['visits, one month, version v2', () => store.visits(context, { from: '2026-06-01', to: '2026-06-30', version: 'v2' })],
        ['drill-down: chats at ask_phone (page 1)', () => store.chats(context, { metric: 'dropOuts', box: 'Clinic.ask_phone' })],
        ['drill-down: appointment on one day', () => store.chats(context, { metric: 'conversions', goal: 'appointment', day: '2026-06-15' })],
        ['transcript of one chat', () => store.transcript('b-0050000')],
        ...insightQueries(store, context)
    ];
}

/**
 * One query timed cold (the memo emptied) and warm (memoised), 3 times each: the medians, and the
 * cold runs' CPU of this process (SQLite's worker thread included; a PostgreSQL server's is not).
 */
export async function coldAndWarm(store: MetricStore, query: () => Promise<unknown>): Promise<{ coldMs: number; warmMs: number; coldCpuMs: number }> {
    const cold: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 3; i++) {
        store.memo.forget();
        const started = performance.now();
        const usage = process.cpuUsage();
        await query();
        cold.push(performance.now() - started);
        const used = process.cpuUsage(usage);
        cpu.push((used.user + used.system) / 1000);
    }
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await query();
        warm.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    return { coldMs: median(cold), warmMs: median(warm), coldCpuMs: median(cpu) };
}
