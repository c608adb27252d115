import * as assert from 'node:assert';
import { ensureCliBuilt, runCli } from './run-cli.js';
import { tempFolder } from '../analytics/helpers.js';

const PLATFORMS = 'test/fixtures/analytics/platforms';

describe('chatflow import of platform logs', () => {
    let temp: ReturnType<typeof tempFolder>;

    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('tells the platform from the content and lists the steps no box has, by kind and count', () => {
        const result = runCli('import', `${PLATFORMS}/dialogflow-cx/conversation-history.ndjson`, '--flow', `${PLATFORMS}/dialogflow-cx/clinic.chatflow`, '--db', temp.db);
        assert.strictEqual(result.status, 0, result.stderr);
        assert.match(result.lines[0], /^Imported 23 new events from 1 file/);
        assert.ok(result.lines.includes('  events at boxes the flows do not have (kept): 5'), result.stdout);
        assert.ok(result.lines.includes("    Dialogflow page 'Insurance Check': 5 events, no box (add the alias 'Insurance Check' to the box it is)"), result.stdout);
        assert.ok(result.lines.some(line => line.startsWith(`    ${PLATFORMS}/dialogflow-cx/conversation-history.ndjson:10: a row needs "response"`)), result.stdout);
    });

    it('reads a Bot Framework blob store folder and takes --log-format for a file it could not tell', () => {
        const folder = runCli('import', `${PLATFORMS}/botframework/blob-store`, '--flow', `${PLATFORMS}/botframework/refill.chatflow`, '--db', temp.db, '--format', 'json');
        assert.strictEqual(folder.status, 0, folder.stderr);
        const summary = JSON.parse(folder.stdout);
        assert.deepStrictEqual([summary.imported, summary.malformed, summary.logs[0].format], [4, 1, 'botframework']);
        const forced = runCli('import', `${PLATFORMS}/botframework/refill.transcript`, '--log-format', 'botframework', '--flow', `${PLATFORMS}/botframework/refill.chatflow`, '--db', temp.db, '--format', 'json');
        assert.strictEqual(forced.status, 0, forced.stderr);
        assert.strictEqual(JSON.parse(forced.stdout).imported, 12);
    });
});
