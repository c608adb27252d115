import type { LangiumDocument } from 'langium';

/**
 * The document's text with the characters the lexer skipped (lexing errors) turned into spaces, at
 * the same offsets. Those characters make no tokens either way, but the lexer's recovery tries
 * every token pattern at each of them (about 1.5 µs a character): completion lexes the text
 * before the cursor several times per request, and a 60 KB run of stray backslashes made each
 * request take 0.7 s. Spaces lex in one step. Used only for text that is the parsed document's.
 */
let last: { source: string; blanked: string } | undefined;

export function withSkippedBlanked(document: LangiumDocument): string {
    const source = document.textDocument.getText();
    if (last?.source === source) return last.blanked;
    const errors = document.parseResult.lexerErrors;
    let blanked = source;
    if (errors.length > 0) {
        const parts: string[] = [];
        let at = 0;
        for (const error of [...errors].sort((a, b) => a.offset - b.offset)) {
            if (error.offset < at) continue;
            parts.push(source.substring(at, error.offset), ' '.repeat(error.length));
            at = error.offset + error.length;
        }
        parts.push(source.substring(at));
        blanked = parts.join('');
    }
    last = { source, blanked };
    return blanked;
}

/** The blanked text of `text` when it is the text last blanked, else `text` itself. */
export function blankedIfKnown(text: string): string {
    return last?.source === text ? last.blanked : text;
}
