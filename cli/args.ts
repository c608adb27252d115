import { UsageError } from './errors.js';

/** What a command accepts: its options and, for each, the values allowed (undefined = a flag). */
export interface CommandSpec {
    name: string;
    options: Record<string, readonly string[] | 'any' | 'flag'>;
}

export interface ParsedArgs {
    positionals: string[];
    options: Record<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and flags after the command name. Anything after `--`
 * is positional, so a file named `--odd.chatflow` can still be passed.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
    const positionals: string[] = [];
    const options: Record<string, string | true> = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const [rawName, inlineValue] = splitOption(arg);
        const name = rawName === 'h' ? 'help' : rawName;
        const allowed = spec.options[name];
        if (allowed === undefined) {
            const known = Object.keys(spec.options).map(o => `--${o}`).join(', ');
            throw new UsageError(`unknown option '${arg}' for 'chatflow ${spec.name}'. Options: ${known}.`);
        }
        if (allowed === 'flag') {
            if (inlineValue !== undefined) throw new UsageError(`option '--${name}' takes no value.`);
            options[name] = true;
            continue;
        }
        const value = inlineValue ?? argv[++i];
        if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
            throw new UsageError(`option '--${name}' needs a value${allowed === 'any' ? '' : `: one of ${allowed.join(', ')}`}.`);
        }
        if (allowed !== 'any' && !allowed.includes(value)) {
            throw new UsageError(`'${value}' is not a valid --${name} for 'chatflow ${spec.name}'. Use one of: ${allowed.join(', ')}.`);
        }
        options[name] = value;
    }
    return { positionals, options };
}

function splitOption(arg: string): [string, string | undefined] {
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    return eq < 0 ? [body, undefined] : [body.slice(0, eq), body.slice(eq + 1)];
}
