import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { Random } from './random.js';

/** One grammar-aware edit of a text. */
export type Mutator = (text: string, random: Random, tools: MutationTools) => string;

export interface MutationTools {
    /** Every keyword of the grammar (from the generated grammar, so new keywords are fuzzed too). */
    keywords: readonly string[];
    /** The tokens of a text: [start, end) offsets, hidden ones (comments) included. */
    tokens(text: string): Array<{ start: number; end: number; image: string; type: string }>;
}

export function mutationTools(): MutationTools {
    const { Chatflow } = createChatflowServices(EmptyFileSystem);
    const keywords = [...new Set(AstUtils.streamAllContents(Chatflow.Grammar).filter(GrammarAST.isKeyword).map(k => k.value))].sort();
    return {
        keywords,
        tokens(text) {
            const result = Chatflow.parser.Lexer.tokenize(text);
            const hidden = (result.hidden ?? []) as typeof result.tokens;
            return [...result.tokens, ...hidden]
                .map(t => ({ start: t.startOffset, end: t.startOffset + t.image.length, image: t.image, type: t.tokenType.name }))
                .sort((a, b) => a.start - b.start);
        }
    };
}

const UNICODE = ['\u{1F600}', '\u{10FFFF}', '\u202E', '\u200F', 'ע', 'e\u0301', '\u0301', '\0', '\uFEFF', '\u2028', '\r\n', '\r', '\t', '\uD800', 'İ', 'ß'];
const PUNCTUATION = ['{', '}', '"', '(', ')', '->', '.', ',', ':', '=', '==', '-', '\\', '/*', '//', '*/'];
const HUGE = [40_000, 60_000, 80_000];
const MAX_HUGE_TOTAL = 1_000_000;

/** The mutators, by name (the name is what a finding records). */
export const MUTATORS: Record<string, Mutator> = {
    deleteLines: (text, r) => editLines(text, r, (lines, at, n) => lines.splice(at, n)),
    duplicateLines: (text, r) => editLines(text, r, (lines, at, n) => lines.splice(at, 0, ...lines.slice(at, at + n))),
    swapLines: (text, r) => editLines(text, r, (lines, at) => {
        const other = r.int(lines.length);
        [lines[at], lines[other]] = [lines[other], lines[at]];
    }),
    deleteToken: (text, r, t) => withToken(text, r, t, token => splice(text, token.start, token.end, '')),
    duplicateToken: (text, r, t) => withToken(text, r, t, token => splice(text, token.end, token.end, ` ${token.image}`)),
    swapTokens: (text, r, t) => {
        const tokens = t.tokens(text);
        if (tokens.length < 2) return text;
        let [a, b] = [r.pick(tokens), r.pick(tokens)];
        if (a.start > b.start) [a, b] = [b, a];
        if (a.end > b.start) return text;
        return text.substring(0, a.start) + b.image + text.substring(a.end, b.start) + a.image + text.substring(b.end);
    },
    insertKeyword: (text, r, t) => insertAtBoundary(text, r, t, ` ${r.pick(t.keywords)} `),
    insertToken: (text, r, t) => insertAtBoundary(text, r, t, ` ${r.pick(t.tokens(text))?.image ?? ''} `),
    insertPunctuation: (text, r, t) => insertAtBoundary(text, r, t, r.pick(PUNCTUATION)),
    deletePunctuation: (text, r) => {
        const at = [...text.matchAll(/[{}"()]/g)].map(m => m.index!);
        if (at.length === 0) return text;
        const offset = r.pick(at);
        return splice(text, offset, offset + 1, '');
    },
    truncate: (text, r) => text.substring(0, r.int(text.length + 1)),
    deleteChars: (text, r) => {
        const start = r.int(text.length + 1);
        return splice(text, start, Math.min(text.length, start + 1 + r.int(20)), '');
    },
    unicode: (text, r) => {
        const offset = r.int(text.length + 1);
        return splice(text, offset, offset, r.pick(UNICODE).repeat(1 + r.int(3)));
    },
    hugeName: (text, r, t) => {
        // Renames a name everywhere to a 40k-80k name, then misspells one use by a character:
        // the unresolved reference gets a "did you mean" over names that long.
        const ids = t.tokens(text).filter(token => token.type === 'ID');
        if (ids.length === 0) return text;
        const name = r.pick(ids).image;
        const huge = name + 'x'.repeat(r.pick(HUGE) - name.length);
        // A name used hundreds of times would make a document of many megabytes: that tests memory, not the services.
        if (wordOffsets(text, name).length * huge.length > MAX_HUGE_TOTAL) return text;
        const renamed = text.replace(new RegExp(`\\b${name}\\b`, 'g'), huge);
        const uses = wordOffsets(renamed, huge);
        if (uses.length < 2 || !r.chance(0.7)) return renamed;
        const at = r.pick(uses.slice(1)) + huge.length - 1;
        return splice(renamed, at, at + 1, 'y');
    },
    hugeString: (text, r, t) => {
        const unit = r.pick(['a', '\\"', '\\\\', '{x}', ' ', '\u{1F600}', '"']);
        const body = unit.repeat(Math.floor(r.pick(HUGE) / unit.length));
        const closed = r.chance(0.5) ? '"' : '';
        return insertAtBoundary(text, r, t, ` "${body}${closed} `);
    }
};

export const MUTATOR_NAMES = Object.keys(MUTATORS);

/** Applies 1 to 3 random mutators; returns the mutant and the names of the mutators applied. */
export function mutate(text: string, random: Random, tools: MutationTools): { text: string; mutations: string[] } {
    const mutations: string[] = [];
    let result = text;
    const count = 1 + random.int(3);
    for (let i = 0; i < count; i++) {
        const name = random.pick(MUTATOR_NAMES);
        // Huge edits once per mutant at most: they are what makes a document slow, not what finds crashes.
        if ((name === 'hugeName' || name === 'hugeString') && mutations.some(m => m.startsWith('huge'))) continue;
        if ((name === 'hugeName' || name === 'hugeString') && !random.chance(0.25)) continue;
        result = MUTATORS[name](result, random, tools);
        mutations.push(name);
    }
    return { text: result, mutations };
}

/** Offsets of `word` as a whole word (no regex: a RegExp of an 80k-character name is too large). */
function wordOffsets(text: string, word: string): number[] {
    const result: number[] = [];
    const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
        if (!isWord(text[i - 1]) && !isWord(text[i + word.length])) result.push(i);
    }
    return result;
}

function editLines(text: string, random: Random, edit: (lines: string[], at: number, n: number) => void): string {
    const lines = text.split('\n');
    edit(lines, random.int(lines.length), 1 + random.int(3));
    return lines.join('\n');
}

function withToken(text: string, random: Random, tools: MutationTools, edit: (token: ReturnType<MutationTools['tokens']>[number]) => string): string {
    const tokens = tools.tokens(text);
    return tokens.length === 0 ? text : edit(random.pick(tokens));
}

function insertAtBoundary(text: string, random: Random, tools: MutationTools, insert: string): string {
    const tokens = tools.tokens(text);
    const offset = tokens.length === 0 || random.chance(0.2) ? random.int(text.length + 1) : (random.chance(0.5) ? random.pick(tokens).start : random.pick(tokens).end);
    return splice(text, offset, offset, insert);
}

function splice(text: string, start: number, end: number, insert: string): string {
    return text.substring(0, start) + insert + text.substring(end);
}
