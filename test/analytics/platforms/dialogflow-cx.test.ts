import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { detectFormat } from '../../../analytics/import/detect-format.js';
import { engineStore, ENGINES, importInto } from '../helpers.js';
import { chatEvents, platformFixture, platformSuite, visitsByBox } from './platform-helpers.js';

// Fixture: Dialogflow CX conversation history as BigQuery exports it
// (https://cloud.google.com/dialogflow/cx/docs/concept/export-bq), see its README.
const LOG = platformFixture('dialogflow-cx', 'conversation-history.ndjson');

for (const engine of ENGINES) {
    describe(`Dialogflow CX import (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('dialogflow-cx');

        it('maps pages by alias and messages by text, NO_MATCH and NO_INPUT to retries, and keeps the unaliased page', async () => {
            const store = await engineStore(engine, suite.temp);
            try {
                const summary = await importInto(store, [LOG], suite.context, { defaultFlow: 'Clinic', displayName: f => path.basename(f) });
                assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), ['conversation-history.ndjson:10']);
                assert.match(summary.problems[0].reason, /needs "response"/);
                assert.deepStrictEqual(summary.unmatched, [{ flow: 'Clinic', box: 'Insurance Check', events: 5, kind: 'Dialogflow page', step: 'Insurance Check' }]);
                assert.deepStrictEqual(await chatEvents(store, 'dfa-7f3e91c2', true), [
                    'enter Clinic.welcome "Hi! I\'m the Riverside Clinic assistant."',
                    'enter Clinic.ask_visit "What kind of visit do you need?"',
                    'answer Clinic.ask_visit "Check-up"',
                    'enter Insurance Check "[redacted]"',
                    'retry Insurance Check "[redacted]"',
                    'answer Insurance Check "[redacted]"',
                    'enter Clinic.ask_name "What\'s your full name?"',
                    'answer Clinic.ask_name "[redacted]"',
                    // The confirmation names the patient: its text is not stored.
                    'enter Clinic.confirm "[redacted]"',
                    'enter Clinic.goodbye "Goodbye, and see you soon!"'
                ]);
                // NO_INPUT: no text, a retry at the page that asked; the re-prompt enters nothing new.
                assert.deepStrictEqual(await chatEvents(store, 'dfb-0c4d8e21'), [
                    'enter Clinic.welcome', 'enter Clinic.ask_visit', 'retry Clinic.ask_visit', 'answer Clinic.ask_visit', 'enter Insurance Check'
                ]);
                assert.deepStrictEqual(await visitsByBox(store, suite.context), {
                    'Clinic.welcome': 4, 'Clinic.ask_visit': 4, 'Clinic.ask_name': 1, 'Clinic.confirm': 1, 'Clinic.goodbye': 1, 'Clinic.front_desk': 1,
                    'Insurance Check': 3 // kept under the page's name until a box takes it as an alias
                });
                const [booked] = await store.conversions(suite.context);
                assert.deepStrictEqual([booked.goal, booked.chats], ['appointment_booked', 1]);
                const first = (await store.transcript('dfa-7f3e91c2'))[0];
                assert.deepStrictEqual([first.channel, first.source, first.step], ['web', 'google-ads', undefined]);
                assert.strictEqual((await store.transcript('dfb-0c4d8e21'))[1].channel, 'sms');
                // JSON columns written as strings, BigQuery's "… UTC" times, a turn logged before the one before it.
                assert.deepStrictEqual(await chatEvents(store, 'dfd-5e6f7a8b'), ['answer Clinic.ask_visit', 'enter Insurance Check', 'enter Clinic.welcome', 'enter Clinic.ask_visit']);
                assert.strictEqual((await store.transcript('dfd-5e6f7a8b'))[0].ts, '2026-11-03T08:59:57.900Z');
            } finally {
                await store.close();
            }
        });

        it('reads the export gzip-compressed, from the content, and a re-import adds nothing', async () => {
            const gz = path.join(suite.temp.folder, 'bq-export-000000000000');
            fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(LOG)));
            assert.strictEqual(detectFormat(gz), 'dialogflow-cx');
            const store = await engineStore(engine, suite.temp);
            try {
                const first = await importInto(store, [gz], suite.context, { defaultFlow: 'Clinic' });
                assert.deepStrictEqual([first.imported, first.malformed], [23, 1]);
                const again = await importInto(store, [LOG], suite.context, { defaultFlow: 'Clinic' });
                assert.deepStrictEqual([again.imported, again.duplicates], [0, 23]);
            } finally {
                await store.close();
            }
        });
    });
}
