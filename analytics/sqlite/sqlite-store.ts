import * as path from 'node:path';
import { explainSqliteError } from '../errors.js';
import { FlowContext } from '../flow-context.js';
import { funnelPath } from '../funnel-path.js';
import type {
    AnalyticsFilter, BoxDropOuts, BoxStats, BoxVisits, ChatPage, DrillDown, DropOutDwell, EdgeTraffic, Funnel, GoalConversions,
    PrivacyStatus, TranscriptEntry, VersionComparison
} from '../model.js';
import { boxStats } from '../metrics/box-stats.js';
import { conversions } from '../metrics/conversions.js';
import { chatPage } from '../metrics/drill-down.js';
import { dropOuts } from '../metrics/drop-outs.js';
import { dwellBeforeDropOut } from '../metrics/dwell.js';
import { convertingEdges, edges } from '../metrics/edges.js';
import { funnelSteps } from '../metrics/funnel.js';
import { scopeOf } from '../metrics/scope.js';
import { chatsTakingPairs } from '../metrics/untested-traffic.js';
import { frequentPaths, type FrequentPath } from '../metrics/frequent-paths.js';
import { transcript } from '../metrics/transcript.js';
import { compareVersions, versions } from '../metrics/versions.js';
import { visits } from '../metrics/visits.js';
import type { AnalyticsStore, BatchResult, ImportRecord, PageRequest, StoredEvent } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { CREATE_TOUCHED, refreshTouched } from './derived-facts.js';
import { EventWriter } from './event-writer.js';
import { openDatabase, type OpenOptions } from './open-database.js';
import { privacyStatus } from './privacy-log.js';
import { QueryMemo } from './query-memo.js';

/**
 * The AnalyticsStore over one SQLite file. The metric SQL lives in ../metrics, one file per metric;
 * metric answers are remembered until the data changes (query-memo.ts).
 */
export class SqliteAnalyticsStore implements AnalyticsStore {
    private readonly writer: EventWriter;
    readonly memo: QueryMemo;

    private constructor(readonly file: string, private readonly db: SqliteConnection, private readonly displayName: string) {
        this.writer = new EventWriter(db);
        this.memo = new QueryMemo(db);
    }

    static async open(file: string, options: OpenOptions): Promise<SqliteAnalyticsStore> {
        const absolute = path.resolve(file);
        const db = await openDatabase(absolute, options);
        return new SqliteAnalyticsStore(absolute, db, options.displayName ?? absolute);
    }

    importBatch(events: readonly StoredEvent[]): Promise<BatchResult> {
        return this.writing(() => this.writer.write(events));
    }

    resolveUnmatched(context: FlowContext): Promise<number> {
        return this.writing(async () => {
            const names = await this.db.all<{ stream: number; flow: string; box: string }>(
                'SELECT DISTINCT e.stream AS stream, s.flow AS flow, e.box AS box FROM events e JOIN streams s ON s.id = e.stream WHERE e.matched = 0');
            const fixes = names.map(n => ({ ...n, id: context.resolve(n.flow, n.box) })).filter(n => n.id !== undefined);
            if (fixes.length === 0) return 0;
            await this.db.run(CREATE_TOUCHED);
            return this.db.transaction(async () => {
                await this.db.run('DELETE FROM touched');
                let changed = 0;
                for (const fix of fixes) {
                    await this.db.run('INSERT INTO touched (chat) SELECT DISTINCT chat FROM events WHERE matched = 0 AND stream = ? AND box = ? ON CONFLICT DO NOTHING', [fix.stream, fix.box]);
                    // The same event may already be stored under its resolved name (imported after the alias was added).
                    await this.db.run(`DELETE FROM events WHERE matched = 0 AND stream = ? AND box = ? AND EXISTS (
                        SELECT 1 FROM events same WHERE same.chat = events.chat AND same.ts = events.ts AND same.type = events.type
                        AND same.box = ? AND same.goal = events.goal AND same.ordinal = events.ordinal)`, [fix.stream, fix.box, fix.id!]);
                    changed += (await this.db.run('UPDATE events SET box = ?, matched = 1 WHERE matched = 0 AND stream = ? AND box = ?', [fix.id!, fix.stream, fix.box])).changes;
                }
                await refreshTouched(this.db);
                return changed;
            });
        });
    }

    async recordImport(file: string, summary: ImportRecord): Promise<void> {
        await this.writing(() => this.db.transaction(async () => {
            const now = Date.now();
            await this.db.run('INSERT INTO imports (file, finished_at, imported, duplicates, malformed) VALUES (?, ?, ?, ?, ?)',
                [file, now, summary.imported, summary.duplicates, summary.malformed]);
            await this.db.run("INSERT INTO privacy_log (at, action, policy, salt_id, file, texts) VALUES (?, 'import', ?, ?, ?, ?)",
                [now, summary.policy, summary.saltId ?? '', file, summary.imported]);
        }));
    }

    privacyStatus(): Promise<PrivacyStatus> {
        return this.explained(() => privacyStatus(this.db));
    }

    visits(_context: FlowContext, filter?: AnalyticsFilter): Promise<BoxVisits[]> {
        return this.remembered(['visits', filter], () => visits(this.db, scopeOf(filter)));
    }

    dropOuts(context: FlowContext, filter?: AnalyticsFilter): Promise<BoxDropOuts[]> {
        return this.remembered(['dropOuts', context, filter], () => dropOuts(this.db, context, scopeOf(filter)));
    }

    edges(_context: FlowContext, filter?: AnalyticsFilter): Promise<EdgeTraffic[]> {
        return this.remembered(['edges', filter], () => edges(this.db, scopeOf(filter)));
    }

    conversions(context: FlowContext, filter?: AnalyticsFilter): Promise<GoalConversions[]> {
        return this.remembered(['conversions', context, filter], () => conversions(this.db, context, scopeOf(filter)));
    }

    funnel(context: FlowContext, request: { steps: string[] } | { goal: string }, filter?: AnalyticsFilter): Promise<Funnel> {
        return this.remembered(['funnel', context, request, filter], async () => {
            const scope = scopeOf(filter);
            if ('steps' in request) return { path: 'given', steps: await funnelSteps(this.db, request.steps, scope) };
            const chosen = funnelPath(context, request.goal, await convertingEdges(this.db, context, scope, request.goal));
            return { goal: request.goal, path: chosen.path, steps: await funnelSteps(this.db, chosen.steps, scope) };
        });
    }

    dwellBeforeDropOut(context: FlowContext, filter?: AnalyticsFilter): Promise<DropOutDwell[]> {
        return this.remembered(['dwell', context, filter], () => dwellBeforeDropOut(this.db, context, scopeOf(filter)));
    }

    compareVersions(context: FlowContext, a: string, b: string, filter?: AnalyticsFilter): Promise<VersionComparison[]> {
        return this.remembered(['compareVersions', context, a, b, filter], () => compareVersions(this.db, context, scopeOf(filter), a, b));
    }

    versions(context: FlowContext, filter?: AnalyticsFilter): Promise<Array<{ version: string; chats: number }>> {
        return this.remembered(['versions', context, filter], () => versions(this.db, context, scopeOf(filter)));
    }

    boxStats(context: FlowContext, filter?: AnalyticsFilter): Promise<Record<string, BoxStats>> {
        return this.remembered(['boxStats', context, filter], () => boxStats(this.db, context, scopeOf(filter)));
    }

    chatsTaking(boxes: readonly string[], pairs: ReadonlyArray<{ from: string; to: string }>, filter?: AnalyticsFilter): Promise<{ chats: number; taking: number }> {
        return this.remembered(['chatsTaking', boxes, pairs, filter], () => chatsTakingPairs(this.db, scopeOf(filter), boxes, pairs));
    }

    frequentPaths(flow: string, top: number, filter?: AnalyticsFilter): Promise<FrequentPath[]> {
        return this.remembered(['frequentPaths', flow, top, filter], () => frequentPaths(this.db, scopeOf(filter), flow, top));
    }

    chats(context: FlowContext, drill: DrillDown, filter?: AnalyticsFilter, page?: PageRequest): Promise<ChatPage> {
        return this.remembered(['chats', context, drill, filter, page], () => chatPage(this.db, context, scopeOf(filter), drill, page));
    }

    transcript(chat: string): Promise<TranscriptEntry[]> {
        return this.explained(() => transcript(this.db, chat));
    }

    overview(): Promise<{ events: number; chats: number; first?: string; last?: string; imports: number }> {
        return this.explained(async () => {
            const events = (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events'))!.n;
            const chats = (await this.db.get<{ n: number; first: number | null; last: number | null }>(
                'SELECT COUNT(*) AS n, MIN(first_ts) AS first, MAX(last_ts) AS last FROM chat_facts'))!;
            const imports = (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM imports'))!.n;
            const iso = (ts: number | null) => (ts === null ? undefined : new Date(ts).toISOString());
            return { events, chats: chats.n, first: iso(chats.first), last: iso(chats.last), imports };
        });
    }

    async close(): Promise<void> {
        await this.writer.close();
        await this.db.close();
    }

    /** A metric, from the memo when the data has not changed since it was last computed with these arguments. */
    private remembered<T>(key: unknown[], compute: () => Promise<T>): Promise<T> {
        const text = JSON.stringify(key.map(part => (part instanceof FlowContext ? this.memo.contextKey(part) : part)));
        return this.explained(() => this.memo.get(text, compute));
    }

    /** A write: the memo forgets everything, before (queries that start meanwhile) and after it. */
    private async writing<T>(work: () => Promise<T>): Promise<T> {
        this.memo.noteWrite();
        try {
            return await this.explained(work);
        } finally {
            this.memo.noteWrite();
        }
    }

    /** Runs a store operation; SQLite's lock and file errors become AnalyticsErrors that name the file. */
    private async explained<T>(work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (error) {
            throw explainSqliteError(error, this.displayName) ?? error;
        }
    }
}
