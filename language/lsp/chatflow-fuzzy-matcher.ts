import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = '.'.charCodeAt(0);

/**
 * Also starts a word after `.`, so `pharm` finds `Desk.pharmacist` in workspace symbols and
 * completion (Langium's matcher only knows camelCase and snake_case word starts).
 */
export class ChatflowFuzzyMatcher extends DefaultFuzzyMatcher {
    protected override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || super.isWordTransition(previous, current);
    }
}
