import * as assert from 'node:assert';
import * as path from 'node:path';
import type { PrivacyOptions } from '../../../analytics/privacy.js';
import { loadOrCreateSalt } from '../../../analytics/privacy/salt-file.js';
import { reapplyPrivacy } from '../../../analytics/reapply-privacy.js';
import { engineStore, ENGINES, importInto, storedBytes } from '../helpers.js';
import { intakeSuite, writePhiLogs, type PatientPhi, type PhiLogs } from './phi-logs.js';
const FORMATS = ['jsonl', 'csv', 'rasa-tracker', 'rasa-events'] as const;
const CHATS_PER_FORMAT = 24;

function found(bytes: Buffer, values: readonly string[]): string[] {
    return values.filter(value => bytes.includes(Buffer.from(value, 'utf8')));
}

/** What a pattern can find: date of birth, phone, email, MRN. */
const patterned = (p: PatientPhi) => [p.dob, p.phone, p.email, p.mrn];
/** What only a policy removes: the name, and the rest of what the patient typed. */
const unpatterned = (p: PatientPhi) => [p.name, p.complaint];

for (const engine of ENGINES) describe(`PHI through every import format (${engine})`, function () {
    this.timeout(120_000);
    const suite = intakeSuite();
    let logs: PhiLogs;
    beforeEach(() => {
        logs = writePhiLogs(suite.temp.folder, CHATS_PER_FORMAT);
    });

    const patientsOf = (format: (typeof FORMATS)[number]) => logs.patients.filter(p => p.chat.startsWith({ 'jsonl': 'web-', 'csv': 'sms-', 'rasa-tracker': 'fb-', 'rasa-events': 'wa-' }[format]));

    async function importUnder(format: (typeof FORMATS)[number], privacy: PrivacyOptions, name?: string) {
        const store = await engineStore(engine, suite.temp, name);
        try {
            const summary = await importInto(store, [logs.files[format]], suite.context, { privacy, defaultFlow: 'Intake' });
            // Every chat arrived, all at known boxes: the scan below looks at real rows.
            assert.strictEqual(summary.malformed, 0);
            assert.deepStrictEqual(summary.unmatched, []);
            assert.strictEqual(summary.imported, CHATS_PER_FORMAT * 14);
            return { summary, transcript: await store.transcript(patientsOf(format)[1].chat), status: await store.privacyStatus() };
        } finally {
            await store.close();
        }
    }

    for (const format of FORMATS) {
        it(`${format}: under 'redact' no name, date of birth, phone, email, MRN or typed text reaches the ${engine === 'sqlite' ? 'file' : 'server'}`, async () => {
            const { transcript, status } = await importUnder(format, { policy: 'redact' });
            const bytes = await storedBytes(engine, suite.temp);
            const patients = patientsOf(format);
            assert.deepStrictEqual(found(bytes, patients.flatMap(p => [...patterned(p), ...unpatterned(p)])), []);
            // The scan can see what is stored: the button clicked, the yes/no, the flow's own texts (not in Rasa logs).
            assert.deepStrictEqual(found(bytes, ['New patient visit', '[redacted]']), ['New patient visit', '[redacted]']);
            assert.deepStrictEqual(transcript.filter(e => e.type === 'answer').map(e => e.text), ['New patient visit', '[redacted]', '[redacted]', '[redacted]', 'no', '[redacted]']);
            assert.deepStrictEqual(status, { keptText: false, keptImports: 0, lastPolicy: 'redact' });
        });

        it(`${format}: under 'hash' only salted hashes of the answers reach the ${engine === 'sqlite' ? 'file' : 'server'}, never the salt`, async () => {
            const saltFile = path.join(suite.temp.folder, 'outside-the-db', 'workspace.salt');
            const salt = loadOrCreateSalt(saltFile);
            const first = await importUnder(format, { policy: 'hash', salt });
            const bytes = await storedBytes(engine, suite.temp);
            const patients = patientsOf(format);
            assert.deepStrictEqual(found(bytes, patients.flatMap(p => [...patterned(p), ...unpatterned(p)])), []);
            assert.deepStrictEqual(found(bytes, [salt.toString('hex'), salt.toString('hex').slice(0, 16)]), []);
            // Equal answers stay joinable: a second database under the same salt stores the same tokens.
            const again = await importUnder(format, { policy: 'hash', salt }, 'second');
            const hashes = first.transcript.filter(e => e.type === 'answer').map(e => e.text);
            assert.strictEqual(hashes.filter(t => /^\[hash:[0-9a-f]{16}\]$/.test(t ?? '')).length, 4);
            assert.deepStrictEqual(again.transcript.map(e => e.text), first.transcript.map(e => e.text));
        });

        if (engine === 'postgres') {
            it(`${format}: 'keep' is refused for a server database, and nothing is stored`, async () => {
                const store = await engineStore(engine, suite.temp);
                try {
                    await assert.rejects(importInto(store, [logs.files[format]], suite.context, { privacy: { policy: 'keep' }, defaultFlow: 'Intake' }),
                        /the 'keep' privacy policy is refused for a server database \(postgres:\/\/.*\): typed answers can hold patient data, and they would leave this machine/);
                    assert.strictEqual((await store.overview()).events, 0);
                } finally {
                    await store.close();
                }
            });
            continue;
        }

        it(`${format}: under 'keep' typed text is kept but every Safe Harbor span is gone; re-redaction removes the rest from the bytes`, async () => {
            const { transcript, status } = await importUnder(format, { policy: 'keep' });
            const patients = patientsOf(format);
            let bytes = await storedBytes(engine, suite.temp);
            assert.deepStrictEqual(found(bytes, patients.flatMap(patterned)), []);
            // Names are not found by pattern: typed inside free text, they stay under 'keep' (the panel warns).
            assert.deepStrictEqual(found(bytes, patients.flatMap(unpatterned)), patients.flatMap(unpatterned));
            const reason = transcript.find(e => e.box === 'Intake.ask_reason' && e.type === 'answer')!.text;
            assert.strictEqual(reason, `${patients[1].complaint}. This is ${patients[1].name}, date of birth [redacted:date].`);
            // Sensitive inputs are never kept, whatever the policy.
            assert.strictEqual(transcript.find(e => e.box === 'Intake.ask_name' && e.type === 'answer')!.text, '[redacted]');
            assert.deepStrictEqual(status, { keptText: true, keptImports: 1, lastPolicy: 'keep' });

            const result = await reapplyPrivacy(suite.temp.db, { privacy: { policy: 'redact' }, context: suite.context });
            assert.strictEqual(result.changed, CHATS_PER_FORMAT * 2, 'the reason and the notes of every chat');
            bytes = await storedBytes(engine, suite.temp);
            assert.deepStrictEqual(found(bytes, patients.flatMap(p => [...patterned(p), ...unpatterned(p)])), []);
            assert.deepStrictEqual(found(bytes, ['New patient visit']), ['New patient visit']);
            const store = await engineStore(engine, suite.temp);
            try {
                assert.deepStrictEqual(await store.privacyStatus(), { keptText: false, keptImports: 0, lastPolicy: 'redact' });
                assert.strictEqual((await store.overview()).events, CHATS_PER_FORMAT * 14);
            } finally {
                await store.close();
            }
        });
    }
});
