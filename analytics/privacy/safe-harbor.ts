/**
 * The HIPAA Safe Harbor identifiers that a pattern can find in free text, replaced by
 * `[redacted:KIND]` tokens. Pure: no I/O, no state. It runs on every text that is stored, whatever
 * the privacy policy and whatever the flow marks, so it errs on the side of redacting: a
 * 9-digit number nobody labelled is still treated as an identifier.
 *
 * Not found by pattern (only the `redact` and `hash` policies remove them): names, street names
 * without a number, ages over 89, free-form descriptions.
 */

export type SafeHarborKind = 'url' | 'email' | 'ip' | 'ssn' | 'id' | 'date' | 'phone' | 'zip' | 'address';

export interface ScanResult {
    text: string;
    /** The kinds replaced, in pattern order, each once. */
    kinds: SafeHarborKind[];
}

interface Pattern {
    kind: SafeHarborKind;
    regex: RegExp;
    /** Which capture group is the identifier (the rest, e.g. a label, stays). Default: the whole match. */
    group?: number;
    /** Rejects a candidate the regex cannot rule out alone (an invalid IPv6, a time of day). */
    accept?: (span: string) => boolean;
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = "(?:'?\\d{2}|\\d{4})";
const STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const STREET = '(?:[Ss]treet|St|[Aa]venue|Ave|[Rr]oad|Rd|[Bb]oulevard|Blvd|[Ll]ane|Ln|[Dd]rive|Dr|[Cc]ourt|Ct|[Pp]lace|Pl|[Ww]ay|[Tt]errace|[Cc]ircle|[Hh]ighway|Hwy|[Pp]arkway|Pkwy)';
const TLD = '(?:com|org|net|edu|gov|mil|io|us|uk|ca|info|biz|health)';
/** Labels that say an identifier follows: medical record, account, member, policy, patient, chart, claim numbers. */
const ID_LABEL = '(?:mrn|mr\\s?#|medical\\s+record(?:\\s+(?:number|no\\.?|#))?|record\\s+(?:number|no\\.?|#)|patient\\s+(?:id|number|no\\.?|#)|chart\\s+(?:number|no\\.?|#)|acct\\.?|account(?:\\s+(?:number|no\\.?|#))?|member(?:\\s+id)?|subscriber\\s+id|policy(?:\\s+(?:number|no\\.?|#))?|insurance\\s+id|group\\s+(?:number|no\\.?|#)|claim(?:\\s+(?:number|no\\.?|#))?|rx(?:\\s+(?:number|no\\.?|#))?|prescription\\s+(?:number|no\\.?|#)|license(?:\\s+(?:number|no\\.?|#))?|ssn|social\\s+security(?:\\s+(?:number|no\\.?|#))?)';

/** In order: a later pattern never sees what an earlier one replaced (tokens hold no digits). */
const PATTERNS: readonly Pattern[] = [
    { kind: 'url', regex: new RegExp(`\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>"'()]+|\\b(?:[a-z0-9-]+\\.)+${TLD}/[^\\s<>"'()]*`, 'gi') },
    { kind: 'email', regex: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g },
    { kind: 'url', regex: new RegExp(`\\b(?:[a-z0-9-]+\\.)+${TLD}\\b(?!\\.\\w)`, 'gi'), accept: span => /[a-z0-9-]{2,}\./i.test(span) },
    { kind: 'ip', regex: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)/g },
    { kind: 'ip', regex: /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?![\w:])/gi, accept: isIPv6 },
    { kind: 'ssn', regex: /\b\d{3}([- ])\d{2}\1\d{4}\b/g },
    // A labelled identifier: the label stays ("my MRN: [redacted:id]"), the number goes.
    { kind: 'id', regex: new RegExp(`\\b${ID_LABEL}\\s*(?:#|no\\.?|number)?\\s*[:#]?\\s*((?=[a-z0-9-]*\\d)[a-z0-9][a-z0-9-]{3,})`, 'gi'), group: 1 },
    // Shaped identifiers: A12-345-678, RX-4471203, 12-3456789.
    { kind: 'id', regex: /\b[A-Z]{1,3}-?\d{2,4}(?:-\d{2,6}){1,3}\b|\b[A-Z]{1,3}-?\d{6,12}\b/g },
    // Dates: numeric with a year, ISO, month names with a day or a year. A year alone is allowed.
    { kind: 'date', regex: /\b(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])\b/g },
    { kind: 'date', regex: /\b(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})\b/g, accept: isDayMonth },
    // "may 2 be ok?": the verb, not the month (a date would be written May 2).
    { kind: 'date', regex: new RegExp(`\\b${MONTH}\\.?\\s+${DAY}(?:,?\\s+${YEAR})?\\b|\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+${YEAR})?\\b|\\b${MONTH}\\.?,?\\s+\\d{4}\\b`, 'gi'), accept: span => !/^may\s/.test(span) },
    { kind: 'date', regex: /\b(?:dob|d\.o\.b\.?|born(?:\s+on)?|birthday(?:\s+is)?|date\s+of\s+birth(?:\s+is)?)\s*[:-]?\s*(\d{1,2}[/-]\d{1,2})\b/gi, group: 1 },
    // A month/day without a year after a word that dates it: "on 3/14 I fell" (not "take 1/2 tablet").
    { kind: 'date', regex: /\b(?:on|since|from|until|till|by|before|after|dated)\s+((?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01]))\b(?![/\d])/gi, group: 1 },
    // ZIP+4 and card numbers before the phone patterns, which would take their tails.
    { kind: 'zip', regex: /\b\d{5}-\d{4}\b/g },
    { kind: 'id', regex: /\b\d{4}([\s-])\d{4}\1\d{4}\1\d{1,4}\b/g },
    // Phones and faxes: +international, US with or without the area code's parentheses, 555-0123.
    { kind: 'phone', regex: /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?!\w)/g, accept: span => span.replace(/\D/g, '').length >= 8 },
    { kind: 'phone', regex: /(?<![\w+])(?:1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?!\w)/gi },
    { kind: 'phone', regex: /\b\d{3}[-.]\d{4}\b/g },
    // ZIP: five digits after a state, a ZIP label, or as the whole answer.
    { kind: 'zip', regex: new RegExp(`\\b(?:${STATES}),?\\s+(\\d{5})\\b|\\b(?:[Zz][Ii][Pp](?:\\s*[Cc]ode)?|[Pp]ostal\\s+[Cc]ode|[Pp]ostcode)\\s*(?:is)?\\s*[:#]?\\s*(\\d{5})\\b|^\\s*(\\d{5})\\s*$`, 'g'), group: -1 },
    { kind: 'address', regex: new RegExp(`\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}${STREET}\\b\\.?(?:\\s*(?:apt|apartment|unit|suite|ste|#)\\.?\\s*[\\w-]+)?`, 'g') },
    { kind: 'address', regex: /\b(?:p\.?\s?o\.?\s+box)\s+\d+\b/gi },
    // Any other long run of digits is an account, card, or record number of some kind (not a decimal's fraction: "score 0.3898115").
    { kind: 'id', regex: /(?<!\d[.,])\b\d{6,}\b/g }
];

/** Replaces every Safe Harbor span of `text` by `[redacted:KIND]`. */
export function scrubSafeHarbor(text: string): ScanResult {
    const kinds: SafeHarborKind[] = [];
    let result = text;
    for (const pattern of PATTERNS) {
        let replaced = false;
        result = result.replace(pattern.regex, (match: string, ...rest: unknown[]) => {
            const span = pattern.group === undefined ? match : pickGroup(rest.slice(0, -2) as Array<string | undefined>, pattern.group);
            if (span === undefined) return match;
            const identifier = trimTrailing(span);
            if (identifier === '' || (pattern.accept && !pattern.accept(identifier))) return match;
            // A captured identifier ends its match (the label comes first); a whole match starts at 0.
            const at = pattern.group === undefined ? 0 : match.lastIndexOf(span);
            replaced = true;
            return `${match.slice(0, at)}[redacted:${pattern.kind}]${match.slice(at + identifier.length)}`;
        });
        if (replaced && !kinds.includes(pattern.kind)) kinds.push(pattern.kind);
    }
    return { text: result, kinds };
}

/** The group asked for; -1 = the first group that matched (alternatives with one group each). */
function pickGroup(groups: ReadonlyArray<string | undefined>, group: number): string | undefined {
    return group === -1 ? groups.find(g => typeof g === 'string') : groups[group - 1];
}

/** A URL or ID at the end of a sentence: the full stop or the closing bracket is not part of it. */
function trimTrailing(span: string): string {
    return span.replace(/[.,;:!?]+$/, '');
}

/** 03/14/1985 or 14.03.85: one of the first two numbers is a month. Rules out 31/31/20 and dotted versions like 1.5.20. */
function isDayMonth(span: string): boolean {
    const [a, b] = span.split(/[-/.]/).map(Number);
    return a <= 12 || b <= 12;
}

/** A real IPv6 address: 8 groups, or fewer with one '::'; never a time of day such as 10:30:15. */
function isIPv6(span: string): boolean {
    if (!/\d/.test(span)) return false;
    const halves = span.split('::');
    if (halves.length > 2) return false;
    const groups = (part: string) => (part === '' ? [] : part.split(':'));
    const all = halves.flatMap(groups);
    const last = all[all.length - 1] ?? '';
    const width = all.length + (last.includes('.') ? 1 : 0);
    if (!all.every((g, i) => /^[0-9a-f]{1,4}$/i.test(g) || (i === all.length - 1 && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(g)))) return false;
    return halves.length === 2 ? width <= 7 : width === 8;
}
