import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert';

export const JUNIT_XSD = 'test/fixtures/junit/junit.xsd';

/**
 * Makes sure xmllint (Debian's libxml2-utils) is there, installing it like scripts/install-tools.mjs
 * installs apt packages when it is missing and we are root. False when it cannot be had.
 */
export function ensureXmllint(): boolean {
    if (hasXmllint()) return true;
    if (process.getuid?.() !== 0) return false;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'libxml2-utils'], { stdio: 'ignore', env });
    return hasXmllint();
}

function hasXmllint(): boolean {
    return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Validates a JUnit report against the committed XSD with `xmllint --schema`; fails with xmllint's words. */
export function assertValidJunit(file: string): void {
    const result = spawnSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8' });
    assert.strictEqual(result.status, 0, `xmllint rejects ${file}:\n${result.stderr}`);
}

/**
 * Where xmllint cannot be had: the same structure checked in JS (elements, their nesting, required
 * attributes, counts as integers, times as decimals). Weaker than the schema; only a fallback.
 */
export function assertJunitStructure(xml: string): void {
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites[ >]/);
    const allowed: Record<string, string[]> = {
        testsuites: ['testsuite'], testsuite: ['properties', 'testcase', 'system-out', 'system-err'],
        testcase: ['skipped', 'error', 'failure', 'system-out', 'system-err'], failure: [], error: [], skipped: []
    };
    const required: Record<string, string[]> = { testsuite: ['name', 'tests'], testcase: ['name'] };
    const stack: string[] = [];
    for (const match of xml.matchAll(/<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>/g)) {
        const [, closing, name, attributeText, selfClosing] = match;
        if (closing) {
            assert.strictEqual(stack.pop(), name, `</${name}> closes the wrong element`);
            continue;
        }
        const parent = stack.at(-1);
        if (parent) assert.ok(allowed[parent]?.includes(name), `<${name}> inside <${parent}>`);
        else assert.strictEqual(name, 'testsuites');
        const attributes = Object.fromEntries([...attributeText.matchAll(/([a-z]+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
        for (const attribute of required[name] ?? []) assert.ok(attribute in attributes, `<${name}> without ${attribute}`);
        for (const count of ['tests', 'failures', 'errors', 'skipped', 'line']) if (count in attributes) assert.match(attributes[count], /^\d+$/);
        if ('time' in attributes) assert.match(attributes.time, /^\d+(\.\d+)?$/);
        if (!selfClosing) stack.push(name);
    }
    assert.deepStrictEqual(stack, []);
}
