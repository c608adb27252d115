import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readAudit, type AuditEntry } from '../../analytics/export/audit-log.js';
import { openDatabase } from '../../analytics/sqlite/open-database.js';
import { tempFolder } from '../analytics/helpers.js';
import { ensureCliBuilt, runCli } from './run-cli.js';
import { closedPort, fakeEndpoint, importClinicLogs, runCliAsync, writeTrackedClinic } from './export-fixture.js';

const GA4_ENV = { CHATFLOW_GA4_MEASUREMENT_ID: 'G-RIVERSIDE1', CHATFLOW_GA4_API_SECRET: 'mp-secret-8f3k2' };
const META_ENV = { CHATFLOW_META_PIXEL_ID: '1234567890', CHATFLOW_META_ACCESS_TOKEN: 'EAAB-token-77x' };

async function auditOf(db: string): Promise<AuditEntry[]> {
    const connection = await openDatabase(db, { mode: 'existing' });
    try {
        return await readAudit(connection);
    } finally {
        await connection.close();
    }
}

describe('chatflow export ga4|meta', function () {
    this.timeout(120_000);
    let temp: ReturnType<typeof tempFolder>;
    let flow: string;
    /** Converted chats per goal, as `chatflow report` counts them. */
    let converted: Record<string, number>;

    const config = process.env.XDG_CONFIG_HOME;

    before(function () {
        ensureCliBuilt();
        temp = tempFolder();
        // The store's salt (which keys the exported ids) is made here, not in the user's config.
        process.env.XDG_CONFIG_HOME = path.join(temp.folder, 'config');
        flow = writeTrackedClinic(temp.folder);
        importClinicLogs(flow, temp.db);
        const report = runCli('report', flow, '--db', temp.db, '--format', 'json');
        assert.strictEqual(report.status, 0, report.stderr);
        const goals = JSON.parse(report.stdout).flows[0].conversions as Array<{ goal: string; chats: number }>;
        converted = Object.fromEntries(goals.map(g => [g.goal, g.chats]));
        assert.ok(converted.appointment > 100 && converted.callback_requested > 10, JSON.stringify(converted));
    });
    after(() => {
        if (config === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = config;
        temp.cleanup();
    });

    it('dry run (the default): writes GA4 Measurement Protocol bodies, one per converted chat and goal, and audits it', async () => {
        const out = path.join(temp.folder, 'ga4.json');
        const before = (await auditOf(temp.db)).length;
        const result = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--out', out]);
        assert.strictEqual(result.status, 0, result.stderr);
        const total = converted.appointment + converted.callback_requested;
        assert.match(result.stdout, new RegExp(`^Dry run: wrote ${total} ga4 events \\(goals: appointment, callback_requested\\) to .*ga4\\.json\\. Nothing was sent`));
        // The sample logs end on 2026-11-20: older than GA4's 72 hours, which a sender must hear about.
        assert.match(result.stderr, new RegExp(`^chatflow: warning: ${total} of ${total} events are older than GA4 accepts \\(72 hours, the oldest from 2026-1[01]-\\d\\d\\): GA4 drops them without an error\\. Send recent days only, e\\.g\\. --from \\d{4}-\\d\\d-\\d\\d\\.$`, 'm'));
        const text = fs.readFileSync(out, 'utf8');
        const bodies = JSON.parse(text) as Array<{ client_id: string; timestamp_micros: number; events: Array<{ name: string; params: Record<string, unknown> }> }>;
        assert.strictEqual(bodies.length, total);
        const leads = bodies.filter(b => b.events[0].name === 'generate_lead');
        assert.strictEqual(leads.length, converted.appointment);
        for (const body of bodies) {
            assert.deepStrictEqual(Object.keys(body).sort(), ['client_id', 'events', 'timestamp_micros']);
            assert.match(body.client_id, /^[0-9a-f]{32}$/);
            assert.ok(body.timestamp_micros > Date.parse('2026-10-01') * 1000 && body.timestamp_micros % 1000 === 0);
        }
        assert.deepStrictEqual(leads[0].events[0].params, { value: 1, currency: 'USD', flow_version: 'v1' });
        assert.deepStrictEqual(bodies.find(b => b.events[0].name === 'request_callback')!.events[0].params, {});
        assert.doesNotMatch(text, /c-\d{4}/, 'a raw chat id left the database');
        const audit = (await auditOf(temp.db)).slice(before);
        assert.deepStrictEqual(audit.map(({ at: _at, ...row }) => row), [{
            platform: 'ga4', goals: ['appointment', 'callback_requested'], events: total, mode: 'dry-run',
            destination: path.relative(process.cwd(), out), status: 'ok', detail: ''
        }]);
    });

    it('--send: POSTs exactly the dry-run bodies to the configured GA4 endpoint with the secret from the environment', async () => {
        const out = path.join(temp.folder, 'ga4-dry.json');
        assert.strictEqual((await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--out', out, '--from', '2026-11-01', '--to', '2026-11-07'])).status, 0);
        const expected = JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[];
        assert.ok(expected.length > 5);
        const endpoint = await fakeEndpoint();
        try {
            const result = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--from', '2026-11-01', '--to', '2026-11-07', '--send', '--endpoint', `${endpoint.url}/mp/collect`], GA4_ENV);
            assert.strictEqual(result.status, 0, result.stderr);
            assert.match(result.stdout, new RegExp(`^Sent ${expected.length} ga4 events .* in ${expected.length} requests to ${endpoint.url}/mp/collect\\.`));
            assert.deepStrictEqual(endpoint.received.map(r => r.body), expected);
            for (const request of endpoint.received) {
                assert.strictEqual(request.method, 'POST');
                assert.strictEqual(request.path, '/mp/collect');
                assert.deepStrictEqual(request.query, { measurement_id: 'G-RIVERSIDE1', api_secret: 'mp-secret-8f3k2' });
                assert.strictEqual(request.headers['content-type'], 'application/json');
            }
        } finally {
            await endpoint.close();
        }
        const last = (await auditOf(temp.db)).at(-1)!;
        assert.deepStrictEqual([last.mode, last.status, last.events, last.destination], ['send', 'ok', expected.length, `${endpoint.url}/mp/collect`]);
        assert.ok(!fs.readFileSync(temp.db).includes('mp-secret-8f3k2'), 'the secret was stored in the database');
    });

    it('--send meta: Conversions API batches to <endpoint>/<pixel>/events, hashed user_data only with --user-data', async () => {
        const endpoint = await fakeEndpoint(200);
        try {
            const plain = await runCliAsync(['export', 'meta', flow, '--db', temp.db, '--send', '--endpoint', `${endpoint.url}/v21.0`], META_ENV);
            assert.strictEqual(plain.status, 0, plain.stderr);
            const hashed = await runCliAsync(['export', 'meta', flow, '--db', temp.db, '--send', '--endpoint', `${endpoint.url}/v21.0`, '--user-data', 'external_id'], META_ENV);
            assert.strictEqual(hashed.status, 0, hashed.stderr);
        } finally {
            await endpoint.close();
        }
        const [plain, hashed] = endpoint.received;
        assert.strictEqual(endpoint.received.length, 2, 'under 1,000 events: one request each');
        for (const request of [plain, hashed]) {
            assert.strictEqual(request.path, '/v21.0/1234567890/events');
            assert.deepStrictEqual(request.query, { access_token: 'EAAB-token-77x' });
        }
        const events = (plain.body as { data: Array<Record<string, unknown>> }).data;
        assert.strictEqual(events.length, converted.appointment + converted.callback_requested);
        const schedule = events.find(e => e.event_name === 'Schedule')!;
        assert.deepStrictEqual(Object.keys(schedule).sort(), ['action_source', 'custom_data', 'event_id', 'event_name', 'event_time']);
        assert.strictEqual(schedule.action_source, 'chat');
        assert.deepStrictEqual(schedule.custom_data, { value: 1, currency: 'USD' });
        assert.match(String(schedule.event_id), /^[0-9a-f]{64}$/);
        assert.ok(Number.isInteger(schedule.event_time) && (schedule.event_time as number) < 2e9);
        assert.deepStrictEqual(Object.keys(events.find(e => e.event_name === 'Contact')!).sort(), ['action_source', 'event_id', 'event_name', 'event_time']);
        const withUser = (hashed.body as { data: Array<{ event_id: string; user_data: { external_id: string[] } }> }).data;
        assert.deepStrictEqual(withUser.map(e => e.event_id), events.map(e => e.event_id), 'the same conversions keep the same event ids');
        assert.ok(withUser.every(e => /^[0-9a-f]{64}$/.test(e.user_data.external_id[0])));
    });

    it('fails without the secret in the environment: nothing sent, the audit says failed', async () => {
        const endpoint = await fakeEndpoint();
        let result;
        try {
            result = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--send', '--endpoint', `${endpoint.url}/mp/collect`], { CHATFLOW_GA4_MEASUREMENT_ID: 'G-RIVERSIDE1' });
        } finally {
            await endpoint.close();
        }
        assert.strictEqual(result.status, 4);
        assert.match(result.stderr, /^chatflow: export failed: sending to ga4 needs the Measurement Protocol API secret in the environment variable CHATFLOW_GA4_API_SECRET/);
        assert.deepStrictEqual(endpoint.received, []);
        const last = (await auditOf(temp.db)).at(-1)!;
        assert.deepStrictEqual([last.mode, last.status, last.events], ['send', 'failed', 0]);
        assert.match(last.detail, /CHATFLOW_GA4_API_SECRET/);
    });

    it('fails with a clear message when the endpoint is down, and audits the failure', async () => {
        const port = await closedPort();
        const result = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--send', '--endpoint', `http://127.0.0.1:${port}/mp/collect`], GA4_ENV);
        assert.strictEqual(result.status, 4);
        assert.match(result.stderr, new RegExp(`could not reach http://127\\.0\\.0\\.1:${port}/mp/collect \\(ECONNREFUSED\\)\\. Check --endpoint and the network\\. 0 of \\d+ events were sent before\\.`));
        assert.doesNotMatch(result.stderr, /mp-secret/);
        const last = (await auditOf(temp.db)).at(-1)!;
        assert.deepStrictEqual([last.status, last.events, last.destination], ['failed', 0, `http://127.0.0.1:${port}/mp/collect`]);
        assert.match(last.detail, /ECONNREFUSED/);
    });

    it('fails when the endpoint refuses the request, naming its answer', async () => {
        const endpoint = await fakeEndpoint(401);
        let result;
        try {
            result = await runCliAsync(['export', 'meta', flow, '--db', temp.db, '--send', '--endpoint', endpoint.url], META_ENV);
        } finally {
            await endpoint.close();
        }
        assert.strictEqual(result.status, 4);
        assert.match(result.stderr, /answered HTTP 401: \{"error":\{"message":"Invalid OAuth access token\."\}\}/);
        assert.strictEqual((await auditOf(temp.db)).at(-1)!.status, 'failed');
    });

    it('refuses a parameter that names personal data, naming the field; writes nothing', async () => {
        const folder = path.join(temp.folder, 'leaky');
        fs.mkdirSync(folder);
        const leaky = writeTrackedClinic(folder, `
    track appointment {
        ga4 "generate_lead" { value: 1, patient_email: "on file" }
    }
`);
        const out = path.join(folder, 'ga4.json');
        const result = await runCliAsync(['export', 'ga4', leaky, '--db', temp.db, '--out', out]);
        assert.strictEqual(result.status, 4, result.stderr);
        assert.match(result.stderr, /clinic\.chatflow:\d+: parameter 'patient_email' names personal information; it is never exported/);
        assert.ok(!fs.existsSync(out));
        const last = (await auditOf(temp.db)).at(-1)!;
        assert.deepStrictEqual([last.mode, last.status, last.goals], ['dry-run', 'failed', ['appointment']]);
    });

    it('refuses flows with PHI linter errors before touching the database', async () => {
        const folder = path.join(temp.folder, 'phi');
        fs.mkdirSync(folder);
        const phi = writeTrackedClinic(folder, `
    track appointment {
        ga4 "generate_lead" { reason: symptoms }
    }
`);
        const before = (await auditOf(temp.db)).length;
        const result = await runCliAsync(['export', 'ga4', phi, '--db', temp.db]);
        assert.strictEqual(result.status, 1);
        assert.match(result.stderr, /clinic\.chatflow:\d+:\d+ error phi-sensitive-value Parameter 'reason' is fed by 'symptoms', a sensitive answer/);
        assert.strictEqual((await auditOf(temp.db)).length, before);
    });

    it('exits 2 on a bad command line (no platform, --send without --endpoint, a bad day); 4 for an --endpoint with a query', async () => {
        const noPlatform = runCli('export', flow, '--db', temp.db);
        assert.strictEqual(noPlatform.status, 2);
        assert.match(noPlatform.stderr, /export needs the platform first: chatflow export ga4 <flows> or chatflow export meta <flows>/);
        const noEndpoint = runCli('export', 'ga4', flow, '--db', temp.db, '--send');
        assert.strictEqual(noEndpoint.status, 2);
        assert.match(noEndpoint.stderr, /--send needs --endpoint, the Measurement Protocol URL/);
        const badDay = runCli('export', 'ga4', flow, '--db', temp.db, '--from', '2026-13-01');
        assert.strictEqual(badDay.status, 2);
        assert.match(badDay.stderr, /^chatflow: '2026-13-01' is not a day: use YYYY-MM-DD/);
        const query = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--send', '--endpoint', 'https://example.invalid/mp/collect?api_secret=oops'], GA4_ENV);
        assert.strictEqual(query.status, 4);
        assert.match(query.stderr, /must not carry a query or credentials/);
        assert.ok(!fs.readFileSync(temp.db).includes('oops'), 'a secret in a mistyped endpoint reached the audit log');
    });
});
