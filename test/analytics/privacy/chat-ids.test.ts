import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChatIdProtector } from '../../../analytics/privacy/chat-ids.js';
import { reapplyPrivacy } from '../../../analytics/reapply-privacy.js';
import { engineStore, ENGINES, importInto, storedBytes } from '../helpers.js';
import { intakeSuite, writePhiLogs } from './phi-logs.js';
const KEY = Buffer.alloc(32, 5);

/** The broker log of writePhiLogs with WhatsApp sender ids: the patient's phone number, as Rasa's channel logs it. */
function whatsappLog(folder: string, chats: number): { file: string; phones: string[] } {
    const logs = writePhiLogs(folder, chats);
    const phones = Array.from({ length: chats }, (_, i) => `+1415555${String(100 + i).padStart(4, '0')}`);
    const lines = fs.readFileSync(logs.files['rasa-events'], 'utf8').split('\n').filter(l => l !== '').map(line => {
        const event = JSON.parse(line) as { sender_id: string };
        return JSON.stringify({ ...event, sender_id: `whatsapp:${phones[Number(event.sender_id.slice(3))]}` });
    });
    const file = path.join(folder, 'whatsapp-events.jsonl');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return { file, phones };
}

for (const engine of ENGINES) describe(`chat ids that carry a phone number or an email (${engine})`, function () {
    this.timeout(60_000);
    const suite = intakeSuite();

    it('become stable pseudonyms; other ids stay as logged, without even loading the key', () => {
        let loads = 0;
        const protector = new ChatIdProtector(() => { loads++; return KEY; });
        for (const id of ['fb-7781', 'c-0001', 'b-0001234', 'wa-1#2', '3f2a9c1e-5b7d-4e2f-8a44-0c1d2e3f4a5b']) assert.strictEqual(protector.protect(id), id);
        assert.strictEqual(loads, 0);
        const phone = protector.protect('whatsapp:+14155550142');
        assert.match(phone, /^whatsapp:\[redacted:phone\]~[0-9a-f]{12}$/);
        assert.match(protector.protect('maria.lopez@example.com'), /^\[redacted:email\]~[0-9a-f]{12}$/);
        assert.strictEqual(new ChatIdProtector(() => KEY).protect('whatsapp:+14155550142'), phone, 'the same id gives the same pseudonym');
        assert.notStrictEqual(protector.protect('whatsapp:+14155550143'), phone);
        assert.strictEqual(loads, 1);
        assert.throws(() => new ChatIdProtector(undefined).protect('whatsapp:+14155550142'), (error: Error) => /carries a phone/.test(error.message) && !error.message.includes('4155550142'));
    });

    it('never reach the database at import, and a re-import finds the same chats', async () => {
        const { file, phones } = whatsappLog(suite.temp.folder, 8);
        const store = await engineStore(engine, suite.temp);
        try {
            const first = await importInto(store, [file], suite.context, { defaultFlow: 'Intake', privacy: { policy: 'redact', chatKey: () => KEY } });
            assert.strictEqual(first.imported, 8 * 14);
            assert.strictEqual((await store.overview()).chats, 8);
            const again = await importInto(store, [file], suite.context, { defaultFlow: 'Intake', privacy: { policy: 'redact', chatKey: () => KEY } });
            assert.deepStrictEqual([again.imported, again.duplicates], [0, 8 * 14]);
        } finally {
            await store.close();
        }
        const bytes = await storedBytes(engine, suite.temp);
        assert.deepStrictEqual(phones.filter(p => bytes.includes(Buffer.from(p.slice(2)))), []);
    });

    it('are renamed everywhere by re-redaction of a database that stored them as logged', async () => {
        const { file, phones } = whatsappLog(suite.temp.folder, 6);
        let store = await engineStore(engine, suite.temp);
        // Without the key the import refuses rather than store the phone numbers...
        await assert.rejects(importInto(store, [file], suite.context, { defaultFlow: 'Intake', privacy: { policy: 'redact' } }),
            /a chat id carries a phone: the import needs the workspace's salt/);
        assert.strictEqual((await store.overview()).events, 0);
        // ...so store them raw, the way the previous release did.
        const events = phones.flatMap((phone, c) => [
            { chat: `whatsapp:${phone}`, ts: Date.UTC(2026, 10, 9, 14, c, 0), type: 'enter' as const, box: 'Intake.welcome', matched: true, goal: '', text: null, flow: 'Intake', version: 'v3', ordinal: 0 },
            { chat: `whatsapp:${phone}`, ts: Date.UTC(2026, 10, 9, 14, c, 20), type: 'enter' as const, box: 'Intake.visit_type', matched: true, goal: '', text: null, flow: 'Intake', version: 'v3', ordinal: 0 }
        ]);
        await store.importBatch(events);
        const visitsBefore = await store.visits(suite.context);
        await store.close();
        const stored = await storedBytes(engine, suite.temp);
        assert.ok(phones.every(p => stored.includes(Buffer.from(p))), 'stored as logged');

        const result = await reapplyPrivacy(await suite.temp.location(engine), { privacy: { policy: 'redact', chatKey: () => KEY }, context: suite.context });
        assert.strictEqual(result.chats, 6);
        const bytes = await storedBytes(engine, suite.temp);
        assert.deepStrictEqual(phones.filter(p => bytes.includes(Buffer.from(p.slice(2)))), []);
        store = await engineStore(engine, suite.temp);
        try {
            assert.deepStrictEqual(await store.visits(suite.context), visitsBefore, 'the same chats, only renamed');
            const page = await store.chats(suite.context, { metric: 'visits', box: 'Intake.visit_type' });
            assert.strictEqual(page.total, 6);
            assert.ok(page.chats.every(c => /^whatsapp:\[redacted:phone\]~[0-9a-f]{12}$/.test(c.chat)), JSON.stringify(page.chats));
            assert.strictEqual((await store.transcript(page.chats[0].chat)).length, 2);
        } finally {
            await store.close();
        }
    });
});
