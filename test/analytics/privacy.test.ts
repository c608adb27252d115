import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import { REDACTED } from '../../analytics/model.js';
import { dentalContext, engineStore, ENGINES, EXAMPLES, exampleGraphs, FIXTURES, importInto, storedBytes, tempFolder } from './helpers.js';

const logs = path.join(EXAMPLES, 'logs');

/** The answers the sample logs hold for inputs marked sensitive: the fake PHI that must not reach disk. */
function sensitiveAnswers(context: FlowContext): string[] {
    const sensitive = (flow: string, box: string) => context.isSensitiveInput(context.resolve(flow, box) ?? '');
    const found = new Set<string>();
    for (const line of fs.readFileSync(path.join(logs, 'clinic-2026-11.jsonl'), 'utf8').split('\n')) {
        if (!line) continue;
        const event = JSON.parse(line) as { flow: string; box: string; type: string; text?: string };
        if (event.type === 'answer' && sensitive(event.flow, event.box)) found.add(event.text!);
    }
    for (const line of fs.readFileSync(path.join(logs, 'pharmacy-refill-2026-11.csv'), 'utf8').split('\n').slice(1)) {
        const [, , flow, , box, type, text] = line.split(',');
        if (type === 'answer' && sensitive(flow, box) && !text.startsWith('"')) found.add(text);
    }
    const trackers = JSON.parse(fs.readFileSync(path.join(logs, 'dental-rasa-trackers.json'), 'utf8')) as Array<{ events: Array<{ event: string; name?: string; value?: unknown }> }>;
    const sensitiveSlots = new Set(context.flows.get('Dental')!.variables.filter(v => v.sensitive).map(v => v.name));
    for (const tracker of trackers) {
        for (const event of tracker.events) {
            if (event.event === 'slot' && sensitiveSlots.has(event.name!) && typeof event.value === 'string') found.add(event.value);
        }
    }
    // Short or generic answers ("yes", "?") say nothing about anyone; names, dates, phones and emails do.
    return [...found].filter(text => text.length >= 7 && !/^(yes|no)\b/i.test(text));
}

for (const engine of ENGINES) describe(`analytics privacy at import (${engine})`, () => {
    it('never writes the answers to sensitive inputs to the database, only [redacted]', async function () {
        this.timeout(120_000);
        const temp = tempFolder();
        try {
            const context = new FlowContext(await exampleGraphs());
            const phi = sensitiveAnswers(context);
            assert.ok(phi.length > 1000, `${phi.length} distinct fake names, dates of birth, phones, emails, symptoms and Rx numbers`);
            assert.ok(phi.some(text => /@example\.com$/.test(text)) && phi.some(text => /^\(555\) 01/.test(text)));
            const store = await engineStore(engine, temp);
            const summary = await importInto(store, [path.join(logs, 'clinic-2026-11.jsonl'), path.join(logs, 'pharmacy-refill-2026-11.csv')], context);
            const rasa = await importInto(store, [path.join(logs, 'dental-rasa-trackers.json')], context, { defaultFlow: 'Dental' });
            assert.ok(summary.redacted > 5000 && rasa.redacted > 100);
            await store.close();

            const bytes = await storedBytes(engine, temp);
            // Every 20th value (each search scans the whole file): names, dates, phones, emails, symptoms, Rx numbers alike.
            const sample = phi.filter((_, i) => i % 20 === 0);
            assert.ok(sample.some(text => /@example\.com$/.test(text)) && sample.some(text => /^\(555\) 01/.test(text)) && sample.some(text => /^\d{7}$/.test(text)));
            const leaked = sample.filter(text => bytes.includes(Buffer.from(text, 'utf8')));
            assert.deepStrictEqual(leaked, []);
            // The scan can see text: what is not sensitive is stored as typed.
            assert.ok(bytes.includes(Buffer.from('Opening hours and address')));
            assert.ok(bytes.includes(Buffer.from(REDACTED)));
        } finally {
            await temp.cleanup();
        }
    });

    it('keeps Rasa slot values (PHI) out of the database and redacts the answers they came from', async () => {
        const temp = tempFolder();
        try {
            const store = await engineStore(engine, temp);
            await importInto(store, [path.join(FIXTURES, 'dental-tracker.json')], await dentalContext(), { defaultFlow: 'Dental' });
            await store.close();
            const bytes = await storedBytes(engine, temp);
            for (const phi of ['Maria Lopez', 'maria.lopez.fixture@example.com']) assert.ok(!bytes.includes(Buffer.from(phi)), `${phi} reached the database`);
            assert.ok(bytes.includes(Buffer.from('New patient special')));
        } finally {
            await temp.cleanup();
        }
    });

    it('redacts bot texts that show a sensitive variable, and answers at boxes the flow does not know', async () => {
        const temp = tempFolder();
        try {
            const log = path.join(temp.folder, 'texts.jsonl');
            fs.writeFileSync(log, [
                { box: 'lead_thanks', type: 'enter', text: "You're on our list, Dana Whitfield. Someone from the front desk will be in touch today." },
                { box: 'offer_consult', type: 'enter', text: 'Would you like to book a free 20-minute consultation now?' },
                { box: 'utter_ask_birthday', type: 'answer', text: '1961-02-17' }
            ].map((e, i) => JSON.stringify({ chat: 't1', ts: `2026-11-08T10:00:0${i}Z`, flow: 'Dental', version: 'v2', ...e })).join('\n') + '\n');
            const store = await engineStore(engine, temp);
            const summary = await importInto(store, [log], await dentalContext());
            assert.strictEqual(summary.redacted, 2);
            assert.deepStrictEqual((await store.transcript('t1')).map(e => e.text), [REDACTED, 'Would you like to book a free 20-minute consultation now?', REDACTED]);
            await store.close();
        } finally {
            await temp.cleanup();
        }
    });
});
