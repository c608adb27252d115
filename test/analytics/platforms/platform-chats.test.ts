import * as assert from 'node:assert';
import type { ReadBatch } from '../../../analytics/import/log-event.js';
import { PlatformChats } from '../../../analytics/import/platform/platform-chats.js';

const batch = (): ReadBatch => ({ events: [], malformed: [], ignored: 0, lines: 0 });

describe('platform chats kept in memory', () => {
    it('lets the oldest chats go past its limit, storing the answers they held, so memory is bounded', () => {
        const chats = new PlatformChats({ defaultFlow: 'F' }, 10);
        const out = batch();
        for (let i = 0; i < 50; i++) {
            chats.bot(`c${i}`, { ts: i * 10, line: i, step: 'ask', kind: 'test step', text: 'Your name?' }, out);
            chats.user(`c${i}`, { ts: i * 10 + 1, line: i, text: `answer ${i}` }, out);
        }
        chats.end(out);
        // Every chat's entry and its held answer, none lost, none twice.
        assert.strictEqual(out.events.filter(e => e.type === 'enter').length, 50);
        assert.deepStrictEqual(out.events.filter(e => e.type === 'answer').map(e => e.text).sort(), Array.from({ length: 50 }, (_, i) => `answer ${i}`).sort());
        assert.ok(out.events.filter(e => e.type === 'answer').every(e => e.box === 'ask' && e.step === 'ask'));
    });
});
