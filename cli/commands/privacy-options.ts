import type { PrivacyOptions, PrivacyPolicy } from '../../analytics/privacy.js';
import { privacyOptionsFor, SaltFileError } from '../../analytics/privacy/salt-file.js';
import { UsageError } from '../errors.js';

/** The `--policy` and `--salt-file` options of `import` and `redact`. */
export const PRIVACY_CLI_OPTIONS = { 'policy': ['redact', 'hash', 'keep'], 'salt-file': 'any' } as const;

/** The privacy options the command line asks for (default 'redact'); the 'hash' salt is loaded or created here. */
export function privacyFromArgs(options: Record<string, string | true>, db: string): PrivacyOptions & { saltFile?: string } {
    const policy = (typeof options.policy === 'string' ? options.policy : 'redact') as PrivacyPolicy;
    const saltFile = typeof options['salt-file'] === 'string' ? options['salt-file'] : undefined;
    if (saltFile && policy !== 'hash') throw new UsageError(`--salt-file is only used with --policy hash (the policy here is '${policy}').`);
    try {
        return privacyOptionsFor(policy, db, saltFile);
    } catch (error) {
        if (error instanceof SaltFileError) throw new UsageError(error.message);
        throw error;
    }
}
