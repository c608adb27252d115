import * as assert from 'node:assert';
import { detectFormat } from '../../../analytics/import/detect-format.js';
import { engineStore, ENGINES, importInto } from '../helpers.js';
import { chatEvents, platformFixture, platformSuite, visitsByBox } from './platform-helpers.js';

// A transcript from Microsoft's Bot Framework samples (MIT), copied unchanged: see
// test/fixtures/analytics/platforms/botframework/real/README.md for its source.
const REAL = platformFixture('botframework', 'real', 'HotelReservation.transcript');
const CHAT = 'tNu3tuXHXAUbwYX/0VIdiFdX04M=';

for (const engine of ENGINES) {
    describe(`a real Bot Framework transcript (${engine})`, function () {
        this.timeout(60_000);
        const suite = platformSuite('botframework', 'real/translator.chatflow');

        it('maps every bot message to a box by its text, {variables} matching what the bot said', async () => {
            assert.strictEqual(detectFormat(REAL), 'botframework');
            const store = await engineStore(engine, suite.temp);
            try {
                const summary = await importInto(store, [REAL], suite.context, { defaultFlow: 'Translator' });
                assert.deepStrictEqual([summary.imported, summary.malformed, summary.unmatched.length, summary.ignored], [13, 0, 0, 5]);
                const round = ['answer Translator.', 'enter Translator.echo', 'enter Translator.recognized'];
                assert.deepStrictEqual(await chatEvents(store, CHAT), [
                    'enter Translator.welcome',
                    'answer Translator.welcome', ...round.slice(1),
                    'answer Translator.recognized', ...round.slice(1),
                    'answer Translator.recognized', ...round.slice(1),
                    'answer Translator.recognized', ...round.slice(1)
                ]);
                assert.deepStrictEqual((await store.visits(suite.context)).map(v => [v.box, v.chats, v.entries]), [
                    ['Translator.echo', 1, 4], ['Translator.recognized', 1, 4], ['Translator.welcome', 1, 1]
                ]);
                assert.deepStrictEqual(await visitsByBox(store, suite.context), { 'Translator.echo': 1, 'Translator.recognized': 1, 'Translator.welcome': 1 });
                const transcript = await store.transcript(CHAT);
                assert.strictEqual(transcript[0].channel, 'chatdown');
                // The bot's texts are kept (no sensitive variable in them; the Safe Harbor scan leaves the
                // score's decimals alone: a fraction is no record number); what the user typed is redacted.
                assert.strictEqual(transcript[3].text, 'After using LUIS recognition:\nthe top intent was: Greeting, with score 0.3898115');
                assert.strictEqual(transcript[1].text, '[redacted]');
            } finally {
                await store.close();
            }
        });
    });
}
