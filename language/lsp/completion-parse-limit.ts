import type { LangiumCompletionParser } from 'langium';

/**
 * Completion re-parses the flow member around the cursor three times per request, recovering
 * from every syntax error on the way. A member with tens of thousands of them (a pasted run of
 * `""""…` inside a choice) made each request take seconds. Past this many errors the parse
 * stops and that request offers nothing from the grammar: no edit there can make sense of it.
 */
const MAX_ERRORS = 500;

class TooManyErrors extends Error {}

export function withErrorLimit(parser: LangiumCompletionParser): LangiumCompletionParser {
    const wrapper = (parser as unknown as { wrapper: { SAVE_ERROR(error: Error): Error } }).wrapper;
    const save = wrapper.SAVE_ERROR.bind(wrapper);
    let errors = 0;
    wrapper.SAVE_ERROR = (error: Error) => {
        if (++errors > MAX_ERRORS) throw new TooManyErrors();
        return save(error);
    };
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => {
        errors = 0;
        try {
            return parse(input);
        } catch (error) {
            if (!(error instanceof TooManyErrors)) throw error;
            return { tokens: [], elementStack: [], tokenIndex: 1 }; // past the (no) tokens: nothing to follow, no features
        }
    };
    return parser;
}
