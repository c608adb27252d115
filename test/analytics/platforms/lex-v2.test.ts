import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { detectFormat } from '../../../analytics/import/detect-format.js';
import { engineStore, ENGINES, importInto } from '../helpers.js';
import { chatEvents, platformFixture, platformSuite, visitsByBox } from './platform-helpers.js';

// Fixture: Amazon Lex V2 conversation logs as CloudWatch Logs exports them to S3
// (https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-cw.html), see its README.
const LOG = platformFixture('lex-v2', 's3-export-000000');

for (const engine of ENGINES) {
    describe(`Amazon Lex V2 import (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('lex-v2');

        it('maps elicited slots and intents by alias, replies by text, missed utterances and re-elicits to retries', async () => {
            // As S3 holds it: gzip, each line prefixed with its time.
            const gz = path.join(suite.temp.folder, '000000.gz');
            fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(LOG)));
            assert.strictEqual(detectFormat(gz), 'lex-v2');
            const store = await engineStore(engine, suite.temp);
            try {
                // The SMS session's id is the sender's phone number: stored as a pseudonym under the workspace's key.
                const privacy = { policy: 'redact' as const, chatKey: () => Buffer.alloc(32, 7) };
                const summary = await importInto(store, [gz], suite.context, { defaultFlow: 'Clinic', displayName: f => path.basename(f), privacy });
                assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), ['000000.gz:8']);
                assert.deepStrictEqual(summary.unmatched, [{ flow: 'Clinic', box: 'BookAppointment.PatientName', events: 2, kind: 'Lex slot', step: 'BookAppointment.PatientName' }]);
                const s1 = 'us-east-1:6f1d2c3b-aaaa-4b5c-9d8e-7f6a5b4c3d2e';
                assert.deepStrictEqual(await chatEvents(store, s1, true), [
                    'answer "[redacted]"', // the opening utterance, before the bot asked anything
                    'enter Clinic.ask_visit "What kind of appointment would you like to book?"', // a response card without content: its title
                    'answer Clinic.ask_visit "Check-up"', // the button's value, read as its title
                    'enter Clinic.ask_date "What day works for you?"',
                    'retry Clinic.ask_date "[redacted]"', // the slot elicited again
                    'answer Clinic.ask_date "[redacted]"',
                    'enter BookAppointment.PatientName "[redacted]"',
                    'answer BookAppointment.PatientName "[redacted]"',
                    'enter Clinic.confirm "You\'re all set: check-up on [redacted:date]."',
                    'enter Clinic.goodbye "Thank you for calling Riverside Clinic."'
                ]);
                // missedUtterance: a retry, and the reply that names no intent is the re-prompt.
                const [sms] = (await store.chats(suite.context, { metric: 'visits', box: 'Clinic.front_desk' })).chats;
                assert.ok(!sms.chat.includes('5552013344'), sms.chat);
                assert.deepStrictEqual(await chatEvents(store, sms.chat), [
                    'answer', 'enter Clinic.ask_date', 'retry Clinic.ask_date', 'answer Clinic.ask_date', 'enter Clinic.front_desk'
                ]);
                assert.strictEqual((await store.transcript(sms.chat))[0].channel, 'twilio');
                const visits = await visitsByBox(store, suite.context);
                assert.deepStrictEqual(visits, {
                    'Clinic.ask_visit': 2, 'Clinic.ask_date': 2, 'BookAppointment.PatientName': 1, 'Clinic.confirm': 1, 'Clinic.goodbye': 1, 'Clinic.front_desk': 1
                });
                const [booked] = await store.conversions(suite.context);
                assert.deepStrictEqual([booked.goal, booked.chats], ['appointment_booked', 1]);
                const first = (await store.transcript(s1))[0];
                assert.deepStrictEqual([first.source, first.channel], ['newsletter', undefined]);
                const voice = await store.transcript('arn-connect-7c1e0d22');
                assert.deepStrictEqual(voice.map(e => [e.type, e.box, e.channel]), [['answer', '', 'connect'], ['enter', 'Clinic.ask_visit', 'connect']]);
            } finally {
                await store.close();
            }
        });
    });
}
