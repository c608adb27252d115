import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSaltFile } from '../../analytics/privacy/salt-file.js';
import { ensureCliBuilt, runCli } from './run-cli.js';
import { tempFolder } from '../analytics/helpers.js';
import { writeTrackedClinic } from './export-fixture.js';

/** goal.day in the payloads of both platforms. */
const TRACKS = `
    track appointment {
        ga4 "generate_lead" { booked_on: goal.day }
        meta "Schedule" { booked_on: goal.day }
    }
`;

const CHAT = 'c-2330';

describe('chatflow export: ids keyed by the store\'s salt, days in the configured time zone', function () {
    this.timeout(120_000);
    let temp: ReturnType<typeof tempFolder>;
    let flow: string;
    const config = process.env.XDG_CONFIG_HOME;

    /** Exports GA4 and Meta (with user data) from `db`; returns the payloads. */
    function exported(db: string, ...extra: string[]) {
        const ga4Out = path.join(temp.folder, `ga4-${path.basename(db)}.json`);
        const metaOut = path.join(temp.folder, `meta-${path.basename(db)}.json`);
        const ga4 = runCli('export', 'ga4', flow, '--db', db, '--out', ga4Out, ...extra);
        assert.strictEqual(ga4.status, 0, ga4.stderr);
        const meta = runCli('export', 'meta', flow, '--db', db, '--out', metaOut, '--user-data', 'external_id', ...extra);
        assert.strictEqual(meta.status, 0, meta.stderr);
        return {
            ga4: JSON.parse(fs.readFileSync(ga4Out, 'utf8')) as Array<{ client_id: string; events: Array<{ params: Record<string, unknown> }> }>,
            meta: JSON.parse(fs.readFileSync(metaOut, 'utf8')) as Array<{ data: Array<{ event_id: string; user_data: { external_id: string[] }; custom_data: Record<string, unknown> }> }>
        };
    }

    /** A database holding one clinic chat that books at 2026-11-02 23:30 UTC. */
    function storeWithLateBooking(name: string): string {
        const log = path.join(temp.folder, 'late.jsonl');
        fs.writeFileSync(log, [
            { ts: '2026-11-02T23:29:00Z', box: 'welcome', type: 'enter' },
            { ts: '2026-11-02T23:30:00Z', box: 'confirmed', type: 'enter' }
        ].map(e => JSON.stringify({ chat: CHAT, flow: 'Clinic', version: 'v1', ...e })).join('\n') + '\n');
        const db = path.join(temp.folder, name);
        const result = runCli('import', log, '--flow', flow, '--db', db);
        assert.strictEqual(result.status, 0, result.stderr);
        return db;
    }

    before(function () {
        ensureCliBuilt();
        temp = tempFolder();
        process.env.XDG_CONFIG_HOME = path.join(temp.folder, 'config');
        flow = writeTrackedClinic(temp.folder, TRACKS);
    });
    after(() => {
        if (config === undefined) delete process.env.XDG_CONFIG_HOME;
        else process.env.XDG_CONFIG_HOME = config;
        temp.cleanup();
    });

    it('never sends the plain SHA-256 of a chat id; the same store gives the same ids every run, another store (salt) other ids', () => {
        const db = storeWithLateBooking('a.db');
        const first = exported(db);
        const again = exported(db);
        const clientId = first.ga4[0].client_id;
        const externalId = first.meta[0].data[0].user_data.external_id[0];
        assert.match(clientId, /^[0-9a-f]{32}$/);
        assert.match(externalId, /^[0-9a-f]{64}$/);
        const plain = createHash('sha256').update(`chatflow:${CHAT}`).digest('hex');
        assert.notStrictEqual(externalId, plain);
        assert.notStrictEqual(clientId, plain.slice(0, 32));
        assert.notStrictEqual(externalId, createHash('sha256').update(CHAT).digest('hex'));
        // Deterministic for the store, so a re-send dedupes on the platform.
        assert.deepStrictEqual(again, first);
        assert.ok(fs.existsSync(defaultSaltFile(db)), 'the store\'s salt file was created where the hash policy keeps it');
        // Another store (another salt) cannot be linked to this one.
        const other = exported(storeWithLateBooking('b.db'));
        assert.notStrictEqual(other.ga4[0].client_id, clientId);
        assert.notStrictEqual(other.meta[0].data[0].user_data.external_id[0], externalId);
        assert.notStrictEqual(other.meta[0].data[0].event_id, first.meta[0].data[0].event_id);
        // --salt-file names the salt: the same salt gives the same ids whatever the store.
        const shared = path.join(temp.folder, 'team.salt');
        fs.writeFileSync(shared, `${'7e'.repeat(32)}\n`);
        assert.strictEqual(exported(db, '--salt-file', shared).ga4[0].client_id, exported(path.join(temp.folder, 'b.db'), '--salt-file', shared).ga4[0].client_id);
    });

    it('counts goal.day and --from/--to in --time-zone: a booking at 23:30 UTC is Nov 2 in America/Chicago, Nov 3 at +02:00', () => {
        const db = storeWithLateBooking('c.db');
        const day = (payloads: ReturnType<typeof exported>) => [payloads.ga4[0].events[0].params.booked_on, payloads.meta[0].data[0].custom_data.booked_on];
        assert.deepStrictEqual(day(exported(db)), ['2026-11-02', '2026-11-02']);
        assert.deepStrictEqual(day(exported(db, '--time-zone', 'America/Chicago')), ['2026-11-02', '2026-11-02']);
        assert.deepStrictEqual(day(exported(db, '--time-zone', '+02:00')), ['2026-11-03', '2026-11-03']);
        // The chat started on Nov 3 at +02:00, on Nov 2 in Chicago.
        assert.strictEqual(exported(db, '--time-zone', '+02:00', '--from', '2026-11-03').ga4.length, 1);
        assert.strictEqual(exported(db, '--time-zone', 'America/Chicago', '--from', '2026-11-03').ga4.length, 0);
        assert.strictEqual(exported(db, '--time-zone', 'America/Chicago', '--to', '2026-11-02').ga4.length, 1);
        const bad = runCli('export', 'ga4', flow, '--db', db, '--time-zone', 'Mars/Olympus');
        assert.strictEqual(bad.status, 2);
        assert.match(bad.stderr, /unknown time zone 'Mars\/Olympus': use UTC, an offset like \+02:00, or an IANA name like America\/Chicago/);
    });
});
