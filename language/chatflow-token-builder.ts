import { DefaultTokenBuilder, GrammarAST } from 'langium';
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';

/**
 * STRING without quadratic lexing of unterminated strings. A `"` with no closing quote fails to
 * match after a scan to where the string gets stuck (the end of the text, or a `\` before a line
 * break); the lexer then skips one character and tries again at the next `"`, scanning the same
 * stretch again: `"\"\"\"…` of 80,000 characters took 3 s. Every `"` inside that stretch fails the
 * same way (backslash runs after it pair up the same), so once a scan from `from` got stuck at
 * `stuck`, starts between the two fail at once. Matches are the grammar's STRING regex as it is.
 */
export class ChatflowTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name !== 'STRING' || !(token.PATTERN instanceof RegExp)) return token;
        return { ...token, PATTERN: stringMatcher(token.PATTERN), LINE_BREAKS: true, START_CHARS_HINT: ['"'] };
    }
}

export function stringMatcher(regex: RegExp): CustomPatternMatcherFunc {
    const sticky = new RegExp(regex.source, regex.flags.replace('y', '') + 'y');
    let failed: { text: string; from: number; stuck: number } | undefined;
    return (text, offset) => {
        if (failed && failed.text === text && offset > failed.from && offset < failed.stuck) return null;
        sticky.lastIndex = offset;
        const match = sticky.exec(text);
        if (!match && text.charCodeAt(offset) === 0x22) failed = { text, from: offset, stuck: stuckAt(text, offset) };
        return match;
    };
}

/** Where a string opened at `start` stops without its closing quote: a `\` before a line break, or the end. */
function stuckAt(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return i; // not reached when the match failed; kept for safety
        if (c === 0x5c) {
            if (i + 1 >= text.length || isLineTerminator(text.charCodeAt(i + 1))) return i;
            i++;
        }
    }
    return text.length;
}

/** What `.` in a JavaScript regex does not match. */
function isLineTerminator(c: number): boolean {
    return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}
