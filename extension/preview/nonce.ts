import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce for each page load: 128 random bits, base64 (a valid nonce-source). */
export function makeNonce(): string {
    return randomBytes(16).toString('base64');
}
