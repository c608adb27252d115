import * as assert from 'node:assert';
import * as path from 'node:path';
import { detectFormat } from '../../../analytics/import/detect-format.js';
import { engineStore, ENGINES, importInto } from '../helpers.js';
import { chatEvents, platformFixture, platformSuite, visitsByBox } from './platform-helpers.js';

// Fixtures: Bot Framework Activities (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md)
// in a .transcript and in the blob transcript store's layout, see their README.
const TRANSCRIPT = platformFixture('botframework', 'refill.transcript');
const BLOBS = platformFixture('botframework', 'blob-store');
const C1 = '9f1c8e00-5a4b-11ef-b864-0242ac120002|livechat';
const C2 = 'Kx3o8Fq2VbH7yT1mZ9pL4n-us';
const C3 = 'a:1fHqW8e3nR5tY7uI9oP0aS2dF4gH6jK8lZ1xC3vB5nM7qW9eR2tY4uI6oP8aS0dF';

for (const engine of ENGINES) {
    describe(`Bot Framework import (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('botframework', 'refill.chatflow');

        it('imports a .transcript and a blob store folder: events by name, messages by text, button values as titles, re-prompts as retries', async () => {
            assert.strictEqual(detectFormat(TRANSCRIPT), 'botframework');
            assert.strictEqual(detectFormat(BLOBS), 'botframework');
            const store = await engineStore(engine, suite.temp);
            try {
                const summary = await importInto(store, [TRANSCRIPT, BLOBS], suite.context, { defaultFlow: 'Refill', displayName: f => path.basename(f) });
                // The blob cut off mid-write is named by its path inside the folder; every other activity is kept.
                assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), [`blob-store/msteams/${C3.replace(':', '%3A')}/8df3b55f0510400-1730822440000.json:1`]);
                assert.deepStrictEqual(summary.unmatched, []);
                assert.deepStrictEqual(await chatEvents(store, C1, true), [
                    'enter Refill.welcome "Hi Maria, I can help you refill a prescription."',
                    'enter Refill.ask_pickup', // the dialog's event; its message is the same step
                    'answer Refill.ask_pickup "Home delivery"', // a postBack of the value "delivery"
                    'enter Refill.ask_rx "Please enter your prescription number."',
                    'retry Refill.ask_rx "[redacted]"', // the input's retry text followed
                    'answer Refill.ask_rx "[redacted]"', // its time from localTimestamp (+01:00)
                    'enter Refill.confirm "Your refill is on its way. We\'ll text you when it\'s ready."', // a hero card's title, logged after the goodbye but sent before it
                    'enter Refill.goodbye "Thanks for using Riverside Pharmacy!"'
                ]);
                assert.deepStrictEqual(await chatEvents(store, C2), ['enter Refill.welcome', 'enter Refill.ask_pickup', 'answer Refill.ask_pickup', 'enter Refill.pharmacist']);
                assert.deepStrictEqual(await chatEvents(store, C3, true), [
                    'enter Refill.welcome "Hi Sam, I can help you refill a prescription."',
                    'enter Refill.ask_pickup "How would you like to get your medication?"',
                    'answer Refill.ask_pickup "Pick up in store"',
                    'enter Refill.ask_rx "Please enter your prescription number."'
                ]);
                assert.deepStrictEqual(await visitsByBox(store, suite.context), {
                    'Refill.welcome': 3, 'Refill.ask_pickup': 3, 'Refill.ask_rx': 2, 'Refill.confirm': 1, 'Refill.goodbye': 1, 'Refill.pharmacist': 1
                });
                const [refill] = await store.conversions(suite.context);
                assert.deepStrictEqual([refill.goal, refill.chats], ['refill_requested', 1]);
                const channels = await Promise.all([C1, C2, C3].map(async chat => (await store.transcript(chat))[0]));
                assert.deepStrictEqual(channels.map(e => [e.channel, e.source]), [['emulator', undefined], ['webchat', 'email-campaign'], ['msteams', undefined]]);
            } finally {
                await store.close();
            }
        });
    });
}
