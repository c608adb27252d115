import type { LangiumSharedServices } from 'langium/lsp';
import { PRIVACY_POLICIES, type PrivacyOptions, type PrivacyPolicy } from '../../analytics/privacy.js';
import { privacyOptionsFor, SaltFileError } from '../../analytics/privacy/salt-file.js';

/**
 * `chatflow.privacy.policy` (redact by default; keep is an explicit per-workspace opt-in) and
 * `chatflow.privacy.saltFile` (hash: where the salt lives; default one per database under
 * ~/.config/chatflow/salts/, the file the CLI uses for the same database).
 */
export async function readPrivacyOptions(shared: LangiumSharedServices, db: string, policy?: PrivacyPolicy): Promise<PrivacyOptions> {
    let raw: { policy?: unknown; saltFile?: unknown } = {};
    try {
        raw = (await shared.workspace.ConfigurationProvider.getConfiguration('chatflow', 'privacy') as typeof raw | undefined) ?? {};
    } catch {
        // No configuration support in this client: defaults.
    }
    const configured = PRIVACY_POLICIES.includes(raw.policy as PrivacyPolicy) ? raw.policy as PrivacyPolicy : 'redact';
    const saltFile = typeof raw.saltFile === 'string' && raw.saltFile.trim() !== '' ? raw.saltFile : undefined;
    try {
        return privacyOptionsFor(policy ?? configured, db, saltFile);
    } catch (error) {
        // The message names the salt file and what to do; the request fails with it.
        if (error instanceof SaltFileError) throw new Error(error.message);
        throw error;
    }
}
