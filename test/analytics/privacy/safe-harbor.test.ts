import * as assert from 'node:assert';
import { scrubSafeHarbor } from '../../../analytics/privacy/safe-harbor.js';

/** [what a patient typed, what must be stored] */
const REDACTED_CASES: Array<[string, string]> = [
    // emails
    ['you can email me at maria.lopez@example.com thanks', 'you can email me at [redacted:email] thanks'],
    ['J.O\'Neil+clinic@mail.example.co.uk', 'J.O\'[redacted:email]'],
    // phones and faxes, US and international
    ['call me at (555) 201-3344 after 5', 'call me at [redacted:phone] after 5'],
    ['my cell is 555.201.3344', 'my cell is [redacted:phone]'],
    ['555-201-3344 ext. 12 is my work line', '[redacted:phone] is my work line'],
    ['+1 (617) 555-0142', '[redacted:phone]'],
    ['fax it to 1-800-555-0199 please', 'fax it to [redacted:phone] please'],
    ['I\'m in London, +44 20 7946 0958', 'I\'m in London, [redacted:phone]'],
    ['mobile +49 (0)30 1234567', 'mobile [redacted:phone]'],
    ['+33 1 23 45 67 89', '[redacted:phone]'],
    ['just 555-0123', 'just [redacted:phone]'],
    // SSNs
    ['SSN 123-45-6789', 'SSN [redacted:ssn]'],
    ['my social is 123 45 6789', 'my social is [redacted:ssn]'],
    ['social security number: 123456789', 'social security number: [redacted:id]'],
    // dates other than the year
    ['I was born 03/14/1985', 'I was born [redacted:date]'],
    ['DOB: 1985-03-14', 'DOB: [redacted:date]'],
    ['born on March 14, 1985 in Ohio', 'born on [redacted:date] in Ohio'],
    ['14 Mar 85', '[redacted:date]'],
    ['the 14th of March 1985', 'the [redacted:date]'],
    ['surgery on 3-14-21', 'surgery on [redacted:date]'],
    ['admitted 14.03.2024', 'admitted [redacted:date]'],
    ['last seen Sept. 3rd', 'last seen [redacted:date]'],
    ['since June 2019', 'since [redacted:date]'],
    ['DOB 3/14', 'DOB [redacted:date]'],
    ['on 3/14 I fell down the stairs', 'on [redacted:date] I fell down the stairs'],
    // URLs
    ['see https://portal.example-clinic.org/patients/88213?ref=chat.', 'see [redacted:url].'],
    ['my page is www.facebook.com/maria.lopez.5', 'my page is [redacted:url]'],
    ['mychart.example.org/visit/2231 has it', '[redacted:url] has it'],
    ['go to brightsmile.com', 'go to [redacted:url]'],
    // IP addresses
    ['my IP is 192.168.10.24', 'my IP is [redacted:ip]'],
    ['from 2001:db8:85a3::8a2e:370:7334 today', 'from [redacted:ip] today'],
    ['fe80::1ff:fe23:4567:890a', '[redacted:ip]'],
    // medical record and account numbers
    ['MRN: 1234567', 'MRN: [redacted:id]'],
    ['it was 4417203. then 5582190,8', 'it was [redacted:id]. then [redacted:id],8'],
    ['my mrn is 0045512', 'my mrn is [redacted:id]'],
    ['Acct # 884-2201-77', 'Acct # [redacted:id]'],
    ['member ID W123456789 on the card', 'member ID [redacted:id] on the card'],
    ['chart A12-345-678', 'chart [redacted:id]'],
    ['refill RX-4471203 please', 'refill [redacted:id] please'],
    ['policy number AB12345', 'policy number [redacted:id]'],
    ['card 4111 1111 1111 1111', 'card [redacted:id]'],
    ['reference 88213904', 'reference [redacted:id]'],
    // ZIP codes
    ['Boston, MA 02139', 'Boston, MA [redacted:zip]'],
    ['zip code is 60614', 'zip code is [redacted:zip]'],
    ['60614-2207', '[redacted:zip]'],
    ['  94110 ', '  [redacted:zip] '],
    // street addresses
    ['I live at 42 Elm Street, Apt 3B', 'I live at [redacted:address], Apt 3B'],
    ['send it to PO Box 1183', 'send it to [redacted:address]'],
    // several at once
    ['Dana Whitfield, 03/14/1985, dana.w@example.net, (555) 014-2231, MRN 7781234',
        'Dana Whitfield, [redacted:date], [redacted:email], [redacted:phone], MRN [redacted:id]']
];

/** Ordinary answers and bot texts that must survive as typed. */
const KEPT_CASES: string[] = [
    'I take 20 mg twice a day',
    'Tylenol 500mg every 6 hours, 3 times a week',
    'I was diagnosed in 2019',
    'since 1998, maybe 1999',
    'blood pressure was 120/80 this morning',
    'pain is about 7/10',
    'I\'m 45 and my son is 12',
    'about 10000 steps a day',
    'New patients get an exam, a cleaning and X-rays for $79.',
    'Our in-office whitening brightens teeth up to 8 shades in one 90-minute visit, from $299.',
    'We usually reply within 5 minutes.',
    'Open 24/7, appointments at 10:30 or 14:45:00',
    'version 1.5.2 of the app',
    'Room 101, second floor',
    'I may need a refill',
    'Vitamin B12 and vitamin D3, COVID-19 booster',
    'e.g. the morning slot, i.e. before work',
    'walk 3 blocks down the road',
    'Opening hours and address',
    'yes',
    '2',
    'Dr. Patel said so',
    'take 1/2 tablet 2-3 times a day',
    '$1,250.00 deductible, fever 100.4 F',
    'BMI 27.5 and A1C 6.5, ICD-10 code M25.561',
    '10-12 weeks pregnant',
    'I called 911',
    'may 2 be ok?',
    'version 1.2.3.4.5 of the firmware',
    'matched with score 0.3898115 (threshold 0,7500000)'
];

describe('Safe Harbor pattern scan', () => {
    for (const [typed, stored] of REDACTED_CASES) {
        it(`redacts: ${typed}`, () => {
            assert.strictEqual(scrubSafeHarbor(typed).text, stored);
        });
    }

    for (const typed of KEPT_CASES) {
        it(`keeps: ${typed}`, () => {
            assert.deepStrictEqual(scrubSafeHarbor(typed), { text: typed, kinds: [] });
        });
    }

    it('names the kinds it found, each once', () => {
        const result = scrubSafeHarbor('call (555) 201-3344 or 555-201-9999, or write to a@example.com; born 1985-03-14');
        assert.deepStrictEqual([...result.kinds].sort(), ['date', 'email', 'phone']);
    });

    it('leaves its own tokens alone, so scanning twice changes nothing', () => {
        const once = scrubSafeHarbor('Dana Whitfield, 03/14/1985, dana.w@example.net, (555) 014-2231, MRN 7781234, Boston, MA 02139').text;
        assert.deepStrictEqual(scrubSafeHarbor(once), { text: once, kinds: [] });
    });
});
