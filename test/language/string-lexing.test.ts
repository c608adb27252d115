import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { stringMatcher } from '../../language/chatflow-token-builder.js';

/** The STRING terminal as it was written first: the language the rewrite must keep. */
const ORIGINAL = /"(\\.|[^"\\])*"/y;

function allStrings(alphabet: string[], length: number): string[] {
    let level = [''];
    const result = [''];
    for (let n = 1; n <= length; n++) {
        level = level.flatMap(s => alphabet.map(c => s + c));
        result.push(...level);
    }
    return result;
}

function original(text: string, offset: number): string | undefined {
    ORIGINAL.lastIndex = offset;
    return ORIGINAL.exec(text)?.[0];
}

describe('lexing strings', () => {
    const { Chatflow } = createChatflowServices(EmptyFileSystem);

    it('matches exactly what the original STRING regex matched, from every offset of every short text', () => {
        const matcher = stringMatcher(/"[^"\\]*(?:\\.[^"\\]*)*"/);
        for (const text of allStrings(['"', '\\', 'a', '\n'], 7)) {
            // In ascending offsets, as the lexer asks: the memo of a failed scan is in play.
            for (let offset = 0; offset <= text.length; offset++) {
                assert.strictEqual(matcher(text, offset, [], {})?.[0], original(text, offset), `${JSON.stringify(text)} at ${offset}`);
            }
        }
    });

    it('lexes an unterminated string of 80,000 characters of \\" as an error (timed in bench/language/pathological.ts)', () => {
        const text = `flow F {\n    message m "${'\\"'.repeat(40_000)}\n}\n`;
        const result = Chatflow.parser.Lexer.tokenize(text);
        assert.ok(result.errors.length > 0, 'the unterminated string is a lexing error');
    });

    it('still lexes escapes and multi-line strings as one STRING token', () => {
        const tokens = Chatflow.parser.Lexer.tokenize('message m "say \\"hi\\"\nthen \\\\ go"').tokens;
        assert.deepStrictEqual(tokens.map(t => t.tokenType.name), ['message', 'ID', 'STRING']);
    });

    it('colours strings in the TextMate grammar the same way: from " to ", with \\. as an escape', () => {
        const grammar = JSON.parse(readFileSync('syntaxes/chatflow.tmLanguage.json', 'utf8'));
        const strings = grammar.repository.strings;
        assert.strictEqual(strings.begin, '"');
        assert.strictEqual(strings.end, '"');
        assert.ok(strings.patterns.some((p: { match: string }) => p.match === '\\\\.'), 'the escape pattern');
    });
});
