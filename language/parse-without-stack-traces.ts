/**
 * Parsing with no stack traces captured. Chevrotain's error recovery creates an exception for
 * every syntax error (and throws more while it tries to recover), and each captures a stack trace
 * of the parser's deep recursion: 30,000 errors (a pasted run of `""""…` where `->` belongs) took
 * 2.3 s to parse, most of it in those captures and their garbage. The exceptions are caught by the
 * parser and their stacks never read. Parsing is synchronous, so the limit is back before anything else runs.
 */
export function withoutStackTraces<P extends { parse(...args: never[]): unknown }>(parser: P): P {
    const parse = parser.parse.bind(parser) as (...args: unknown[]) => unknown;
    // V8's (Node's and Chromium's) knob; language/ is typed without Node, hence the cast.
    const errors = Error as unknown as { stackTraceLimit: number };
    parser.parse = ((...args: unknown[]) => {
        const limit = errors.stackTraceLimit;
        errors.stackTraceLimit = 0;
        try {
            return parse(...args);
        } finally {
            errors.stackTraceLimit = limit;
        }
    }) as P['parse'];
    return parser;
}
