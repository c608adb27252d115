import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Six chats through the BrightSmile Dental flow (test/fixtures/analytics/dental.chatflow), as a
 * canonical JSON Lines log that carries a `channel` (and an entry `source`, once as `utm_source`).
 * Every number the tests expect is counted by hand from this table:
 *
 *  chat channel   source      path                                                      retries            outcome
 *  k1   web       google-ads  welcome main_menu implant_info ask_insured check_coverage  1 at ask_insured   contained (lead)
 *                             insurance_accepted ask_name contact_preference ask_phone
 *                             save_lead lead_thanks offer_consult goodbye
 *  k2   web       -           welcome main_menu implant_info ask_insured                 2 at ask_insured   abandoned at ask_insured
 *  k3   sms       newsletter  welcome main_menu front_desk                               -                  escalated
 *                 (utm_source)
 *  k4   sms       -           welcome main_menu whitening_info ask_insured               -                  abandoned at ask_name
 *                             check_coverage membership_plan ask_name
 *  k5   whatsapp  -           welcome main_menu new_patient_offer ask_insured ...        -                  contained (lead, consult)
 *                             lead_thanks offer_consult book_consult consult_confirmed goodbye
 *  k6   (none)    -           welcome main_menu (holds the newest event)                -                  in progress
 *
 * k1 names its channel on every event, the others on their first event only.
 */
export const CHANNEL_CHATS = {
    k1: { channel: 'web', source: 'google-ads', boxes: ['welcome', 'main_menu', 'implant_info', 'ask_insured', 'check_coverage', 'insurance_accepted', 'ask_name', 'contact_preference', 'ask_phone', 'save_lead', 'lead_thanks', 'offer_consult', 'goodbye'], retriesAt: { ask_insured: 1 } },
    k2: { channel: 'web', boxes: ['welcome', 'main_menu', 'implant_info', 'ask_insured'], retriesAt: { ask_insured: 2 } },
    k3: { channel: 'sms', utmSource: 'newsletter', boxes: ['welcome', 'main_menu', 'front_desk'] },
    k4: { channel: 'sms', boxes: ['welcome', 'main_menu', 'whitening_info', 'ask_insured', 'check_coverage', 'membership_plan', 'ask_name'] },
    k5: { channel: 'whatsapp', boxes: ['welcome', 'main_menu', 'new_patient_offer', 'ask_insured', 'check_coverage', 'insurance_accepted', 'ask_name', 'contact_preference', 'ask_email', 'save_lead', 'lead_thanks', 'offer_consult', 'book_consult', 'consult_confirmed', 'goodbye'] },
    k6: { boxes: ['welcome', 'main_menu'] }
} as const satisfies Record<string, { channel?: string; source?: string; utmSource?: string; boxes: readonly string[]; retriesAt?: Record<string, number> }>;

/** Writes the log (chat kN starts at 09:00 UTC + N hours on 2026-11-10, one event every 10 s) and returns its path. */
export function writeChannelLog(folder: string): string {
    const lines: string[] = [];
    Object.entries(CHANNEL_CHATS).forEach(([chat, spec], index) => {
        let ts = Date.UTC(2026, 10, 10, 9 + index, 0, 0);
        let first = true;
        const push = (fields: Record<string, string>) => {
            const channel = 'channel' in spec && (first || chat === 'k1') ? { channel: spec.channel } : {};
            const source = first && 'source' in spec ? { source: spec.source } : first && 'utmSource' in spec ? { utm_source: spec.utmSource } : {};
            lines.push(JSON.stringify({ chat, ts: new Date(ts).toISOString(), flow: 'Dental', version: 'v3', ...fields, ...channel, ...source }));
            first = false;
            ts += 10_000;
        };
        for (const box of spec.boxes) {
            push({ box, type: 'enter' });
            const retries = 'retriesAt' in spec ? (spec.retriesAt as Record<string, number>)[box] ?? 0 : 0;
            for (let i = 0; i < retries; i++) push({ box, type: 'retry', text: 'hmm' });
        }
    });
    const file = path.join(folder, 'channels.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
}
