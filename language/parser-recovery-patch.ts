import { EmbeddedActionsParser, type TokenType } from 'chevrotain';

/**
 * Chevrotain 11 recomputes, for every syntax error it recovers from, which tokens may come next
 * at that point of the grammar: a walk over the grammar per error (about 70 µs). A run of
 * thousands of stray tokens (a pasted `""""…` where `->` belongs: 30,000 errors in 60 KB) took
 * seconds to parse. The answer depends only on the grammar and the path in it (rule stack,
 * occurrences, last token), so it is cached per parser and path; the same list is returned.
 */
interface GrammarPath { ruleStack: string[]; occurrenceStack: number[]; lastTok: TokenType; lastTokOccurrence: number }
type WithNext = { getNextPossibleTokenTypes(path: GrammarPath): TokenType[] };

const prototype = EmbeddedActionsParser.prototype as unknown as WithNext;
/** Chevrotain's own method, kept for the call below and for the guard test (test/language/langium-workarounds.test.ts). */
export const originalGetNextPossibleTokenTypes = prototype.getNextPossibleTokenTypes;
const original = originalGetNextPossibleTokenTypes;
const caches = new WeakMap<object, Map<string, TokenType[]>>();

prototype.getNextPossibleTokenTypes = function getNextPossibleTokenTypes(this: WithNext, path: GrammarPath): TokenType[] {
    let cache = caches.get(this);
    if (!cache) caches.set(this, cache = new Map());
    const key = `${path.ruleStack.join('/')}|${path.occurrenceStack.join(',')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
    let next = cache.get(key);
    if (!next) cache.set(key, next = original.call(this, path));
    return next;
};
