import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.js';

const VSIX = join(ROOT, 'dist', 'chatflow-studio-linux-x64-0.1.0.vsix');

function unzip(args: string[]): string;
function unzip(args: string[], binary: true): Buffer;
function unzip(args: string[], binary?: true): string | Buffer {
    if (spawnSync('unzip', ['-v']).error) throw new Error('unzip is not installed: run `node scripts/install-tools.mjs` (or apt-get install unzip).');
    return execFileSync('unzip', args, { encoding: binary ? 'buffer' : 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `npm run package` as a person runs it; the .vsix entries it produced. */
function packageOnce(): string[] {
    const result = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /\[package\] .*chatflow-studio-linux-x64-0\.1\.0\.vsix/);
    return unzip(['-Z1', VSIX]).split('\n').filter(Boolean);
}

describe('the packaged .vsix (npm run package)', function () {
    this.timeout(180000);
    let entries: string[] = [];
    let manifest: Record<string, any> = {};

    before(function () {
        entries = packageOnce();
        manifest = JSON.parse(unzip(['-p', VSIX, 'extension/package.json']));
    });

    it('holds the three bundles, the webview bundles and the grammar', () => {
        for (const file of ['extension/dist/extension/main.cjs', 'extension/dist/server/main.cjs', 'extension/dist/cli/main.cjs',
            'extension/dist/webview/preview.js', 'extension/dist/webview/preview.css', 'extension/dist/webview/layout-worker.js',
            'extension/dist/webview/analytics.js', 'extension/dist/webview/analytics.css',
            'extension/syntaxes/chatflow.tmLanguage.json', 'extension/language-configuration.json']) {
            assert.ok(entries.includes(file), `${file} is in the .vsix (entries: ${entries.join(', ')})`);
        }
    });

    it("holds sqlite3's native binding for linux-x64, and is marked as a linux-x64 package", () => {
        assert.ok(entries.includes('extension/dist/native/node_sqlite3.node'));
        const elf = unzip(['-p', VSIX, 'extension/dist/native/node_sqlite3.node'], true);
        assert.strictEqual(elf.subarray(0, 4).toString('latin1'), '\x7fELF', 'an ELF shared object');
        assert.strictEqual(elf.readUInt16LE(18), 0x3e, 'built for x86-64');
        assert.match(unzip(['-p', VSIX, 'extension.vsixmanifest']), /TargetPlatform="linux-x64"/);
    });

    it('ships no sources, tests, source maps, node_modules or development files', () => {
        const unwanted = entries.filter(entry => /\.ts$|\.map$|(^|\/)(node_modules|test|tests|scripts|bench|examples|language|server|\.tools)\//.test(entry.replace(/^extension\/dist\//, 'dist:'))
            || /tsconfig|\.mocharc|package-lock|langium-config|\.ci\//.test(entry));
        assert.deepStrictEqual(unwanted, []);
        assert.ok(entries.length < 40, `a small package (${entries.length} entries)`);
    });

    it('carries the Marketplace metadata: licence, icon, changelog, repository, categories, walkthrough', () => {
        for (const file of ['extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/media/icon.png']) {
            assert.ok(entries.includes(file), `${file} is in the .vsix`);
        }
        assert.strictEqual(manifest.license, 'MIT');
        assert.strictEqual(manifest.icon, 'media/icon.png');
        assert.match(manifest.repository.url, /^https:\/\/github\.com\/chatflow-studio\/chatflow-studio/);
        assert.ok(manifest.categories.includes('Programming Languages'));
        assert.ok(manifest.keywords.length >= 5);
        const [walkthrough] = manifest.contributes.walkthroughs;
        for (const step of walkthrough.steps) {
            assert.ok(entries.includes(`extension/${step.media.markdown}`), `walkthrough step ${step.id}: ${step.media.markdown} is in the .vsix`);
        }
        assert.match(unzip(['-p', VSIX, 'extension/LICENSE.txt']), /^MIT License/);
    });

    it("the packaged CLI imports logs with the packaged sqlite3, with no node_modules anywhere near it", () => {
        const dir = mkdtempSync(join(tmpdir(), 'chatflow-vsix-'));
        try {
            unzip(['-q', VSIX, '-d', dir]);
            const cli = join(dir, 'extension', 'dist', 'cli', 'main.cjs');
            const db = join(dir, 'analytics.db');
            const run = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
            const imported = run(['import', join(ROOT, 'examples', 'logs', 'clinic-2026-11.jsonl'), '--flow', join(ROOT, 'examples'), '--db', db]);
            assert.match(imported, /Imported [\d,]+ new events from 1 file/);
            const report = run(['report', join(ROOT, 'examples', 'clinic.chatflow'), '--db', db]);
            assert.match(report, /welcome/);
            assert.ok(readFileSync(db).subarray(0, 15).toString() === 'SQLite format 3', 'a SQLite database was written');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('refuses a target this machine cannot build, saying where to build it', () => {
        const result = spawnSync(process.execPath, ['scripts/package.mjs', '--target', 'darwin-arm64'], { cwd: ROOT, encoding: 'utf8' });
        assert.strictEqual(result.status, 1);
        assert.match(result.stderr, /this machine builds linux-x64 packages only.*on a darwin-arm64 machine/);
    });
});
