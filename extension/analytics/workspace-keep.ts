import type { PrivacyPolicy } from '../../server/protocol.js';

/** The levels `WorkspaceConfiguration.inspect('privacy.policy')` reports that this rule reads. */
export interface PolicyLevels {
    globalValue?: unknown;
    workspaceValue?: unknown;
    workspaceFolderValue?: unknown;
}

/**
 * `keep` stores what patients typed, so it is an opt-in of the workspace (or folder) that chose
 * it: a `keep` in the user settings would silently apply to every workspace the user opens, and
 * counts as the default, `redact`. `hash` and `redact` count from any level.
 */
export function effectivePolicy(merged: PrivacyPolicy | undefined, levels: PolicyLevels | undefined): PrivacyPolicy | undefined {
    if (merged !== 'keep') return merged;
    return (levels?.workspaceFolderValue ?? levels?.workspaceValue) === 'keep' ? 'keep' : 'redact';
}

/**
 * The same rule on what the language server pulls with `workspace/configuration`: the whole
 * `chatflow` section, its `privacy` part, or the policy itself.
 */
export function restrictKeep(section: string | undefined, value: unknown, levels: () => PolicyLevels | undefined): unknown {
    const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
    switch (section) {
        case 'chatflow':
            if (!record(value) || !record(value.privacy) || value.privacy.policy !== 'keep') return value;
            return { ...value, privacy: { ...value.privacy, policy: effectivePolicy('keep', levels()) } };
        case 'chatflow.privacy':
            if (!record(value) || value.policy !== 'keep') return value;
            return { ...value, policy: effectivePolicy('keep', levels()) };
        case 'chatflow.privacy.policy':
            return value === 'keep' ? effectivePolicy('keep', levels()) : value;
        default:
            return value;
    }
}
