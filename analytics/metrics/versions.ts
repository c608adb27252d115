import type { FlowContext } from '../flow-context.js';
import type { VersionComparison, VersionSample } from '../model.js';
import { twoProportionZTest } from '../z-test.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import { inPredicate, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * The chats of each version that started in one of the context's flows (a chat's flow and
 * version are its first event's). Rows (version, chat, count = 1).
 */
export function versionChatRows(context: FlowContext, scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 'f', 'first_ts', { ignoreVersion: true });
    const flows = inPredicate('f.flow', [...context.flows.keys()]);
    return {
        sql: `SELECT f.version AS version, f.chat AS chat, 1 AS count, f.first_ts AS first_ts FROM chat_facts f WHERE ${where.sql} AND ${flows.sql}`,
        params: [...where.params, ...flows.params]
    };
}

/** Conversions of those chats, by version. Rows (version, goal, chat, count = 1). */
export function versionConversionRows(context: FlowContext, scope: Scope): SqlQuery {
    const chats = versionChatRows(context, scope);
    const converted = conversionRows(context, scope, { ignoreVersion: true });
    return {
        sql: `SELECT v.version AS version, c.goal AS goal, v.chat AS chat, 1 AS count
              FROM (${chats.sql}) v JOIN (${converted.sql}) c ON c.chat = v.chat`,
        params: [...chats.params, ...converted.params]
    };
}

/** Versions of the context's flows in the date range, oldest first by their first chat. */
export async function versions(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Array<{ version: string; chats: number }>> {
    const rows = versionChatRows(context, scope);
    return db.all(
        `SELECT r.version AS version, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.version ORDER BY MIN(r.first_ts), r.version`,
        rows.params);
}

/** Per goal: the conversion rate of version a against b, with the z-test when the samples suffice. */
export async function compareVersions(db: SqlRunner, context: FlowContext, scope: Scope, a: string, b: string): Promise<VersionComparison[]> {
    const chats = versionChatRows(context, scope);
    const totals = await db.all<{ version: string; chats: number }>(
        `SELECT r.version AS version, COUNT(*) AS chats FROM (${chats.sql}) r WHERE r.version IN (?, ?) GROUP BY r.version`,
        [...chats.params, a, b]);
    const converted = versionConversionRows(context, scope);
    const counts = await db.all<{ goal: string; version: string; chats: number }>(
        `SELECT r.goal AS goal, r.version AS version, COUNT(*) AS chats FROM (${converted.sql}) r WHERE r.version IN (?, ?) GROUP BY r.goal, r.version`,
        [...converted.params, a, b]);
    const total = (version: string) => totals.find(t => t.version === version)?.chats ?? 0;
    const goals = [...new Set([...context.goalBoxes().keys(), ...counts.map(c => c.goal)])].sort();
    return goals.map(goal => {
        const sample = (version: string): VersionSample => {
            const n = total(version);
            const successes = counts.find(c => c.goal === goal && c.version === version)?.chats ?? 0;
            return { version, chats: n, converted: successes, rate: n === 0 ? 0 : successes / n };
        };
        const sa = sample(a);
        const sb = sample(b);
        return { goal, a: sa, b: sb, test: twoProportionZTest({ n: sa.chats, successes: sa.converted }, { n: sb.chats, successes: sb.converted }) };
    });
}
