import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import { protectText, type PrivacyOptions, type TextToProtect } from '../../../analytics/privacy.js';
import { defaultSaltFile, loadOrCreateSalt, saltId } from '../../../analytics/privacy/salt-file.js';
import { graphsOf, tempFolder } from '../helpers.js';
import { INTAKE } from './phi-logs.js';
const SALT: PrivacyOptions = { policy: 'hash', salt: Buffer.from('4f1c0a9e5b7d3e2f4f1c0a9e5b7d3e2f', 'hex') };
const OTHER_SALT: PrivacyOptions = { policy: 'hash', salt: Buffer.from('00112233445566778899aabbccddeeff', 'hex') };

describe('privacy policies', () => {
    let context: FlowContext;
    before(async function () {
        this.timeout(60_000);
        context = new FlowContext(await graphsOf(INTAKE));
    });
    const answer = (box: string, text: string): TextToProtect => ({ type: 'answer', box: `Intake.${box}`, matched: true, text });
    const under = (event: TextToProtect, options: PrivacyOptions) => protectText(event, context, options);

    it('redact: typed answers and sensitive values become [redacted]; clicked buttons, yes/no and the flow\'s texts stay', () => {
        const redact: PrivacyOptions = { policy: 'redact' };
        assert.strictEqual(under(answer('ask_reason', 'Knee pain since I slipped on the ice'), redact), '[redacted]');
        assert.strictEqual(under(answer('ask_name', 'Dana Whitfield'), redact), '[redacted]');
        assert.strictEqual(under(answer('visit_type', 'New patient visit'), redact), 'New patient visit');
        assert.strictEqual(under(answer('visit_type', 'new patient visit '), redact), 'new patient visit ');
        // Typed at a choice instead of clicking: free text.
        assert.strictEqual(under(answer('visit_type', "it's about my husband Tom"), redact), '[redacted]');
        assert.strictEqual(under(answer('ask_returning', 'Yes'), redact), 'Yes');
        assert.strictEqual(under(answer('ask_returning', 'yes, in 2019 with Dr Patel'), redact), '[redacted]');
        assert.strictEqual(under({ type: 'enter', box: 'Intake.welcome', matched: true, text: 'Welcome! Call us at (617) 555-0100.' }, redact), 'Welcome! Call us at [redacted:phone].');
        assert.strictEqual(under({ type: 'enter', box: 'Intake.done', matched: true, text: 'Thanks, Dana! The front desk will call (617) 555-0142 to confirm.' }, redact), '[redacted]');
    });

    it('hash: equal answers give equal tokens under one salt, different tokens under another', () => {
        const token = under(answer('ask_reason', 'Recurring migraines with aura'), SALT)!;
        assert.match(token, /^\[hash:[0-9a-f]{16}\]$/);
        assert.strictEqual(under(answer('ask_notes', '  Recurring migraines with aura '), SALT), token, 'trimmed, and the box does not matter: joinable');
        assert.notStrictEqual(under(answer('ask_reason', 'Recurring migraines'), SALT), token);
        assert.notStrictEqual(under(answer('ask_reason', 'Recurring migraines with aura'), OTHER_SALT), token);
        assert.match(under(answer('ask_callback', '(617) 555-0142'), SALT)!, /^\[hash:[0-9a-f]{16}\]$/);
        assert.throws(() => under(answer('ask_reason', 'x'), { policy: 'hash' }), /'hash' privacy policy needs a salt/);
    });

    it('keep: typed text stays minus its Safe Harbor spans; values of sensitive inputs are still redacted', () => {
        const keep: PrivacyOptions = { policy: 'keep' };
        assert.strictEqual(under(answer('ask_reason', 'Rash on both forearms, DOB 03/14/1985, MRN 7781234'), keep), 'Rash on both forearms, DOB [redacted:date], MRN [redacted:id]');
        assert.strictEqual(under(answer('ask_name', 'Dana Whitfield'), keep), '[redacted]');
        assert.strictEqual(under({ type: 'answer', box: 'utter_ask_birthday', matched: false, text: '1961-02-17' }, keep), '[redacted]');
    });

    it('re-applying: a stricter policy replaces hashes, nothing is protected twice', () => {
        const hashed = under(answer('ask_reason', 'Persistent cough after a chest cold'), SALT)!;
        assert.strictEqual(under(answer('ask_reason', hashed), { policy: 'redact' }), '[redacted]');
        assert.strictEqual(under(answer('ask_reason', hashed), SALT), hashed);
        assert.strictEqual(under(answer('ask_reason', '[redacted]'), SALT), '[redacted]');
        assert.strictEqual(under(answer('ask_reason', 'call [redacted:phone] please'), { policy: 'keep' }), 'call [redacted:phone] please');
    });

    it('keeps one salt per database outside it, under XDG_CONFIG_HOME (else ~/.config), created owner-only once', () => {
        const temp = tempFolder();
        try {
            const env = { XDG_CONFIG_HOME: path.join(temp.folder, 'config') };
            const file = defaultSaltFile(path.join(temp.folder, 'ws', '.chatflow', 'analytics.db'), env);
            assert.ok(file.startsWith(path.join(temp.folder, 'config', 'chatflow', 'salts') + path.sep));
            assert.strictEqual(defaultSaltFile(path.join(temp.folder, 'ws', '.chatflow', '..', '.chatflow', 'analytics.db'), env), file);
            assert.notStrictEqual(defaultSaltFile(path.join(temp.folder, 'other', 'analytics.db'), env), file);
            const salt = loadOrCreateSalt(file);
            assert.strictEqual(salt.length, 32);
            assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
            assert.deepStrictEqual(loadOrCreateSalt(file), salt);
            assert.match(saltId(salt), /^[0-9a-f]{12}$/);
            assert.ok(!salt.toString('hex').includes(saltId(salt)));
        } finally {
            temp.cleanup();
        }
    });
});
