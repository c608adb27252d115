import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlowGraph, TrackPlatform } from '../../language/flow-model.js';
import { AnalyticsError } from '../errors.js';
import { FlowContext } from '../flow-context.js';
import { scopeOf } from '../metrics/scope.js';
import type { AnalyticsFilter, ExportResult } from '../model.js';
import { shownLocation, type DatabaseLocation } from '../database-location.js';
import type { MetricStore } from '../metric-store.js';
import { openAnalyticsStore } from '../open-store.js';
import { defaultSaltFile, loadOrCreateSalt, SaltFileError } from '../privacy/salt-file.js';
import { checkPayloads } from './allow-list.js';
import { appendAudit, type AuditEntry } from './audit-log.js';
import { credentialsFrom, parseEndpoint, postJson, requestUrl, shownUrl } from './endpoint.js';
import { ExportError } from './export-error.js';
import { exportedConversions } from './exported-conversions.js';
import { ga4Bodies, metaBodies, type Ga4Body, type MetaBody } from './payloads.js';
import { eventTimes, staleWarning } from './time-window.js';
import { trackedGoals, type Place } from './tracked-goals.js';

export interface ExportRequest {
    platform: TrackPlatform;
    graphs: readonly FlowGraph[];
    db: DatabaseLocation;
    /** How the database and the payload file are named in messages. */
    display: (file: string) => string;
    place: Place;
    filter?: AnalyticsFilter;
    /** The payload file (dry run; optional when sending). */
    out?: string;
    /** Send to this endpoint, with credentials from `env`. Without it: a dry run. */
    send?: { endpoint: string; env: NodeJS.ProcessEnv };
    /** Meta: add user_data.external_id (the hashed chat id). */
    userData?: boolean;
    /**
     * The salt the ids are keyed with: the database's privacy salt file (the 'hash' policy's,
     * created if missing) unless another file is named.
     */
    saltFile?: string;
    /** The time events are judged old against (time-window.ts); default: the clock. */
    now?: number;
}


/**
 * Builds the payloads of one platform from the store, checks them against the allow-list, then
 * writes them to a file (dry run) or POSTs them to the configured endpoint. Every attempt,
 * successful or not, is appended to the database's export audit log.
 */
export async function runExport(request: ExportRequest): Promise<ExportResult> {
    const db = await openAnalyticsStore(request.db, { mode: 'existing', displayName: request.db.engine === 'sqlite' ? request.display(request.db.file) : request.db.shown });
    const mode = request.send ? 'send' : 'dry-run';
    const audit: AuditEntry = {
        at: Date.now(), platform: request.platform, goals: [], events: 0, mode,
        destination: request.send ? request.send.endpoint.split('?')[0] : request.display(request.out ?? ''), status: 'failed', detail: ''
    };
    try {
        const result = await exportWith(db, request, audit);
        audit.status = 'ok';
        return result;
    } catch (error) {
        if (!(error instanceof ExportError || error instanceof AnalyticsError || error instanceof RangeError)) {
            audit.detail = `internal error: ${error instanceof Error ? error.message : String(error)}`;
            throw error;
        }
        audit.detail = error.message;
        if (error instanceof ExportError) audit.events = error.sentEvents;
        throw error instanceof RangeError ? new ExportError(error.message) : error;
    } finally {
        await appendAudit(db.sql, audit).finally(() => db.close());
    }
}

async function exportWith(db: MetricStore, request: ExportRequest, audit: AuditEntry): Promise<ExportResult> {
    const goals = trackedGoals(request.graphs, request.platform, request.place);
    if (goals.length === 0) {
        throw new ExportError(`no flow tracks a goal for ${request.platform}: add e.g. track appointment { ${request.platform === 'ga4' ? 'ga4 "generate_lead" { value: 1 }' : 'meta "Schedule" { }'} } to a flow.`);
    }
    audit.goals = [...new Set(goals.map(g => g.goal))];
    const context = new FlowContext(request.graphs);
    const scope = scopeOf(request.filter);
    const rows = await exportedConversions(db.sql, context, scope, audit.goals);
    const payload = { key: exportKey(request), zone: scope.zone };
    const bodies: Array<Ga4Body | MetaBody> = request.platform === 'ga4'
        ? ga4Bodies(goals, rows, payload)
        : metaBodies(goals, rows, { ...payload, userData: request.userData ?? false });
    checkPayloads(request.platform, bodies, goals, { userData: request.userData ?? false });
    const events = bodies.reduce((sum, body) => sum + ('events' in body ? body.events.length : body.data.length), 0);
    const stale = staleWarning(request.platform, eventTimes(bodies), request.now ?? Date.now(), scope.zone);
    const warnings = stale ? [stale] : [];
    if (request.out) {
        writePayload(request.out, bodies, request.display);
        if (!request.send) audit.destination = request.display(request.out);
    }
    if (!request.send) {
        audit.events = events;
        return withSummary({ mode: 'dry-run', platform: request.platform, goals: audit.goals, events, requests: bodies.length, destination: audit.destination, warnings });
    }
    const endpoint = parseEndpoint(request.send.endpoint);
    audit.destination = shownUrl(endpoint);
    const url = requestUrl(request.platform, endpoint, credentialsFrom(request.platform, request.send.env));
    let sent = 0;
    for (const body of bodies) {
        try {
            await postJson(url, body);
        } catch (error) {
            if (error instanceof ExportError) {
                throw new ExportError(`${error.message} ${sent} of ${events} events were sent before.`, undefined, sent);
            }
            throw error;
        }
        sent += 'events' in body ? body.events.length : body.data.length;
    }
    audit.events = sent;
    return withSummary({ mode: 'send', platform: request.platform, goals: audit.goals, events: sent, requests: bodies.length, destination: audit.destination, warnings });
}

function withSummary(result: Omit<ExportResult, 'summary'>): ExportResult {
    const events = `${result.events} ${result.platform} event${result.events === 1 ? '' : 's'} (goals: ${result.goals.join(', ')})`;
    const summary = result.mode === 'send'
        ? `Sent ${events} in ${result.requests} request${result.requests === 1 ? '' : 's'} to ${result.destination}.`
        : `Dry run: wrote ${events} to ${result.destination}. Nothing was sent; add --send --endpoint URL to send.`;
    return { ...result, summary };
}

/** The store's salt (read, or created on first use), as an ExportError when the file is unusable. */
function exportKey(request: ExportRequest): Uint8Array {
    try {
        return loadOrCreateSalt(request.saltFile ? path.resolve(request.saltFile) : defaultSaltFile(shownLocation(request.db)));
    } catch (error) {
        if (error instanceof SaltFileError) throw new ExportError(error.message.replace('chatflow.privacy.saltFile / --salt-file', '--salt-file'));
        throw error;
    }
}

function writePayload(file: string, bodies: unknown[], display: (file: string) => string): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(bodies, null, 2)}\n`);
    } catch (error) {
        throw new ExportError(`cannot write ${display(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check that its folder is writable, or pass another --out.`);
    }
}
