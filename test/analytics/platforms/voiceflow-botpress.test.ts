import * as assert from 'node:assert';
import * as path from 'node:path';
import { detectFormat } from '../../../analytics/import/detect-format.js';
import { engineStore, ENGINES, importInto } from '../helpers.js';
import { chatEvents, platformFixture, platformSuite, visitsByBox } from './platform-helpers.js';

// Fixtures: Voiceflow transcript dialogs (https://v4-docs.voiceflow.com/api-reference/legacy-transcripts-api/get-transcript-dialog)
// and Botpress conversations and messages (https://botpress.com/docs/api-reference/runtime-api/openapi/listMessages), see their READMEs.
const VOICEFLOW = platformFixture('voiceflow', 'transcripts');
const BOTPRESS = platformFixture('botpress', 'messages.ndjson');

for (const engine of ENGINES) {
    describe(`Voiceflow import (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('voiceflow', 'dental.chatflow');

        it('imports a folder of transcript dialogs: blocks by id, texts by text, a no-match re-prompt as a retry', async () => {
            assert.strictEqual(detectFormat(VOICEFLOW), 'voiceflow');
            const store = await engineStore(engine, suite.temp);
            try {
                const summary = await importInto(store, [VOICEFLOW], suite.context, { defaultFlow: 'Support', displayName: f => path.basename(f) });
                assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), ['transcripts/6650d1f0a1b4f3002a9d2a77.json:177']);
                assert.match(summary.problems[0].reason, /"startTime": 'yesterday' is not a timestamp/);
                assert.deepStrictEqual(summary.unmatched, [{ flow: 'Support', box: '65f1a2b3c4d5e6f708091a5e', events: 2, kind: 'Voiceflow block', step: '65f1a2b3c4d5e6f708091a5e' }]);
                assert.deepStrictEqual(await chatEvents(store, '6650c8e2a1b4f3002a9d1e11', true), [
                    'enter Support.welcome "Welcome to Riverside Dental!"',
                    'enter Support.ask_topic "What can I help you with?"',
                    'answer Support.ask_topic "Book a cleaning"', // a button's label
                    'enter Support.ask_phone "What\'s the best phone number to reach you?"',
                    'retry Support.ask_phone "[redacted]"', // the no-match re-prompt at the same block
                    'answer Support.ask_phone "[redacted]"',
                    'enter Support.callback "Thanks! We\'ll call you back within one business day."',
                    'enter Support.goodbye "Have a great day!"'
                ]);
                assert.deepStrictEqual(await chatEvents(store, '6650d1f0a1b4f3002a9d2a77'), [
                    'enter Support.welcome', 'enter Support.ask_topic', 'answer Support.ask_topic', 'enter 65f1a2b3c4d5e6f708091a5e', 'answer 65f1a2b3c4d5e6f708091a5e'
                ]);
                assert.deepStrictEqual(await visitsByBox(store, suite.context), {
                    'Support.welcome': 2, 'Support.ask_topic': 2, 'Support.ask_phone': 1, 'Support.callback': 1, 'Support.goodbye': 1, '65f1a2b3c4d5e6f708091a5e': 1
                });
                const [callback] = await store.conversions(suite.context);
                assert.deepStrictEqual([callback.goal, callback.chats], ['callback_requested', 1]);
            } finally {
                await store.close();
            }
        });
    });

    describe(`Botpress import (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('botpress', 'orders.chatflow');

        it('imports conversations and messages: texts by text, option values as labels, channel from the integration', async () => {
            assert.strictEqual(detectFormat(BOTPRESS), 'botpress');
            const store = await engineStore(engine, suite.temp);
            try {
                const summary = await importInto(store, [BOTPRESS], suite.context, { defaultFlow: 'Orders', displayName: f => path.basename(f) });
                assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), ['messages.ndjson:18']);
                assert.deepStrictEqual(summary.unmatched, []);
                const web = 'conv_01JC9ZB7K2Q8X4M5N6P7R8S9T0';
                assert.deepStrictEqual(await chatEvents(store, web, true), [
                    'enter Orders.welcome "Hey! I\'m the Riverside Outfitters assistant."',
                    'enter Orders.ask_help "What do you need help with?"',
                    'answer Orders.ask_help "Track an order"',
                    'enter Orders.ask_order "What\'s your order number?"',
                    'retry Orders.ask_order "[redacted]"',
                    'answer Orders.ask_order "[redacted]"',
                    'enter Orders.order_status "Order RO-20931 is out for delivery and arrives today."', // a card's title
                    'enter Orders.goodbye "Anything else? Just say hi."',
                    'answer Orders.goodbye' // an image: no text
                ]);
                const whatsapp = 'conv_01JC9ZD3F4G5H6J7K8L9M0N1P2';
                assert.deepStrictEqual(await chatEvents(store, whatsapp, true), [
                    'enter Orders.welcome "Hey! I\'m the Riverside Outfitters assistant."',
                    'enter Orders.ask_help "What do you need help with?"',
                    'answer Orders.ask_help "Return an item"', // the option's value "return", read as its label
                    'enter Orders.returns "You can start a return at riverside.example/returns."',
                    'enter Orders.goodbye "Anything else? Just say hi."'
                ]);
                assert.deepStrictEqual(await visitsByBox(store, suite.context), {
                    'Orders.welcome': 2, 'Orders.ask_help': 2, 'Orders.ask_order': 1, 'Orders.order_status': 1, 'Orders.returns': 1, 'Orders.goodbye': 2
                });
                const firsts = await Promise.all([web, whatsapp].map(async chat => (await store.transcript(chat))[0]));
                assert.deepStrictEqual(firsts.map(e => [e.channel, e.source]), [['webchat', 'instagram'], ['whatsapp', undefined]]);
            } finally {
                await store.close();
            }
        });
    });
}
