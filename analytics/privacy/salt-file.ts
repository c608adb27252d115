import { createHash, createHmac, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isPostgresUrl, withoutPassword } from '../database-location.js';
import type { PrivacyOptions, PrivacyPolicy } from '../privacy.js';

/**
 * The salt of the 'hash' policy: 32 random bytes, hex, in a file OUTSIDE the workspace's database
 * (whoever gets the database alone cannot test guesses against the hashes). By default one file
 * per database under the user's config folder, `$XDG_CONFIG_HOME/chatflow/salts/` (else
 * `~/.config/chatflow/salts/`), named after the database's absolute path, so the CLI and VS Code
 * use the same salt for the same database. A setting / `--salt-file` may name another file (for a
 * team sharing hashes, or a secrets mount).
 */
export class SaltFileError extends Error {}

const SALT_BYTES = 32;

export function defaultSaltFile(db: string, env: NodeJS.ProcessEnv = process.env): string {
    const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
    // A server store is named by its URL (without the password): the same from any folder.
    const key = createHash('sha256').update(isPostgresUrl(db) ? withoutPassword(db) : path.resolve(db)).digest('hex').slice(0, 24);
    return path.join(config, 'chatflow', 'salts', `${key}.salt`);
}

/** Reads the salt, creating the file (owner-only) with a fresh random salt when it does not exist. */
export function loadOrCreateSalt(file: string): Buffer {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
            throw new SaltFileError(`cannot read the privacy salt file ${file} (${(error as NodeJS.ErrnoException).code}). Check its permissions, or point chatflow.privacy.saltFile / --salt-file at another file.`);
        }
        return createSalt(file);
    }
    const hex = text.trim();
    if (!/^(?:[0-9a-f]{2}){16,}$/i.test(hex)) {
        throw new SaltFileError(`${file}:1: not a Chatflow salt (expected at least 32 hex digits). Restore the file from a backup: a new salt would make new hashes differ from the stored ones.`);
    }
    return Buffer.from(hex, 'hex');
}

function createSalt(file: string): Buffer {
    const salt = randomBytes(SALT_BYTES);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        // 'wx': two processes creating it at once keep the first one's salt.
        fs.writeFileSync(file, `${salt.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        return salt;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSalt(file);
        throw new SaltFileError(`cannot create the privacy salt file ${file} (${(error as NodeJS.ErrnoException).code}). Point chatflow.privacy.saltFile / --salt-file at a writable place outside the workspace.`);
    }
}

/** A fingerprint of the salt, safe to store in the database: tells whether two imports hashed with the same salt. */
export function saltId(salt: Uint8Array): string {
    return createHmac('sha256', salt).update('chatflow salt id').digest('hex').slice(0, 12);
}

/**
 * The options of a policy for a database: loads (or creates) the salt now for 'hash', and only
 * when a chat id needs a pseudonym otherwise.
 */
export function privacyOptionsFor(policy: PrivacyPolicy, db: string, saltFile?: string): PrivacyOptions & { saltFile?: string } {
    const file = saltFile ? path.resolve(saltFile) : defaultSaltFile(db);
    if (policy !== 'hash') return { policy, chatKey: () => loadOrCreateSalt(file) };
    const salt = loadOrCreateSalt(file);
    return { policy, salt, chatKey: () => salt, saltFile: file };
}
