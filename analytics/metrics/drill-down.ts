import type { SplitSpec } from '../../language/flow-model.js';
import type { FlowContext } from '../flow-context.js';
import type { ChatPage, ChatSummary, DrillDown } from '../model.js';
import type { PageRequest } from '../store.js';
import { dayStart, nextDay, parseDay } from '../time-zone.js';
import { boxConversionRows } from './box-conversions.js';
import { conversionRows } from './conversions.js';
import { dropOutRows } from './drop-outs.js';
import { edgeRows } from './edges.js';
import { funnelRows } from './funnel.js';
import type { Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';
import { versionChatRows, versionConversionRows } from './versions.js';
import { visitRows } from './visits.js';
import { armConversionRows, armRows } from './experiments.js';
import { checkAnswers } from './answer-checks.js';
import { leavingChatRows, repeatRows, retryRows, wentOnConvertedRows, wentOnRows } from './box-problems.js';
import { onePathRows } from './complete-paths.js';
import { flowChatRows, outcomeRows } from './outcomes.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * The chats behind a number: the same rows the number was counted from (each metric's `...Rows`
 * query), narrowed to the number's key. So the total always equals the number shown.
 */
export async function drillDownRows(db: SqlRunner, context: FlowContext, scope: Scope, drill: DrillDown): Promise<SqlQuery> {
    const narrow = (rows: SqlQuery, where: string, params: Array<string | number>): SqlQuery =>
        ({ sql: `SELECT r.chat AS chat, r.count AS count FROM (${rows.sql}) r WHERE ${where}`, params: [...rows.params, ...params] });
    switch (drill.metric) {
        case 'visits': return narrow(visitRows(scope), 'r.box = ?', [drill.box]);
        case 'dropOuts': return narrow(dropOutRows(context, scope), 'r.box = ?', [drill.box]);
        case 'edge': return narrow(edgeRows(scope), 'r.from_box = ? AND r.to_box = ?', [drill.from, drill.to]);
        case 'conversions': {
            if (drill.day === undefined) return narrow(conversionRows(context, scope), 'r.goal = ?', [drill.goal]);
            parseDay(drill.day);
            const start = dayStart(scope.zone, drill.day);
            const end = dayStart(scope.zone, nextDay(drill.day));
            return narrow(conversionRows(context, scope), 'r.goal = ? AND r.ts >= ? AND r.ts < ?', [drill.goal, start, end]);
        }
        case 'boxConversions': return narrow(boxConversionRows(context, scope), 'r.box = ? AND r.goal = ?', [drill.box, drill.goal]);
        case 'funnel': return narrow(funnelRows(drill.steps, scope), 'r.position = ?', [drill.step]);
        case 'versionChats': return narrow(versionChatRows(context, scope), 'r.version = ?', [drill.version]);
        case 'versionConversions': return narrow(versionConversionRows(context, scope), 'r.version = ? AND r.goal = ?', [drill.version, drill.goal]);
        case 'experimentArm': return narrow(armRows(drill.split, splitOf(context, drill.split), scope, context.boxesInto(drill.split)), 'r.box = ?', [drill.box]);
        case 'experimentConversions': {
            const spec = splitOf(context, drill.split);
            return narrow(armConversionRows(context, drill.split, spec, drill.goal, scope), 'r.box = ?', [drill.box]);
        }
        case 'outcome': {
            if (drill.day === undefined) return narrow(outcomeRows(context, scope), 'r.outcome = ?', [drill.outcome]);
            parseDay(drill.day);
            return narrow(outcomeRows(context, scope), 'r.outcome = ? AND r.first_ts >= ? AND r.first_ts < ?',
                [drill.outcome, dayStart(scope.zone, drill.day), dayStart(scope.zone, nextDay(drill.day))]);
        }
        case 'retries': return narrow(retryRows(db, scope, (await checkAnswers(db, context, scope)).invalid), 'r.box = ?', [drill.box]);
        case 'repeats': return narrow(repeatRows(scope), 'r.box = ?', [drill.box]);
        case 'leaving': return narrow(leavingChatRows(scope), 'r.box = ?', [drill.box]);
        case 'wentOn': return drill.goal === undefined
            ? narrow(wentOnRows(context, scope), 'r.box = ?', [drill.box])
            : narrow(wentOnConvertedRows(context, scope), 'r.box = ? AND r.goal = ?', [drill.box, drill.goal]);
        case 'path': {
            const rows = onePathRows(context, scope, drill.boxes, drill.converted === true);
            return { sql: `SELECT r.chat AS chat, r.count AS count FROM (${rows.sql}) r`, params: rows.params };
        }
        case 'flowChats': return narrow(flowChatRows(context, scope), '1 = 1', []);
    }
}

export async function chatPage(db: SqlRunner, context: FlowContext, scope: Scope, drill: DrillDown, page: PageRequest = {}): Promise<ChatPage> {
    const rows = await drillDownRows(db, context, scope, drill);
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(page.limit ?? DEFAULT_LIMIT)));
    // The total rides along on every row (a window count), so one query serves a page.
    const chats = await db.all<{ chat: string; flow: string; version: string; first_ts: number; last_ts: number; count: number; total: number }>(
        `SELECT d.chat AS chat, f.flow AS flow, f.version AS version, f.first_ts AS first_ts, f.last_ts AS last_ts, d.count AS count,
                COUNT(*) OVER () AS total
         FROM (${rows.sql}) d JOIN chat_facts f ON f.chat = d.chat
         ORDER BY d.chat LIMIT ? OFFSET ?`,
        [...rows.params, limit, offset]);
    const total = chats.length > 0
        ? chats[0].total
        : (await db.all<{ total: number }>(`SELECT COUNT(*) AS total FROM (${rows.sql}) d`, rows.params))[0].total;
    return { total, offset, chats: chats.map(toSummary) };
}

function toSummary(row: { chat: string; flow: string; version: string; first_ts: number; last_ts: number; count: number }): ChatSummary {
    return {
        chat: row.chat, flow: row.flow, version: row.version,
        start: new Date(row.first_ts).toISOString(), last: new Date(row.last_ts).toISOString(), count: row.count
    };
}

/** The experiment of a split box of the flows shown; a split they do not have has no arms (no chats listed). */
function splitOf(context: FlowContext, split: string): SplitSpec {
    return context.boxes.get(split)?.split ?? { arms: [] };
}
