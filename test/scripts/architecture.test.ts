import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/** Runs dependency-cruiser as `npm run check:arrows` does, over `folders` of `cwd`: its exit code and the violations it names. */
function cruise(cwd: string, folders: string[]): { status: number | null; violations: string[] } {
    const run = spawnSync(process.execPath, [DEPCRUISE, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), ...folders], { cwd, encoding: 'utf8' });
    // The err reporter: "  error <rule>: <from> → <to>" (cycles continue on the next lines).
    const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+) → \n?\s*(\S+)/gm)].map(m => `${m[1]}: ${m[2]} -> ${m[3]}`);
    return { status: run.status, violations };
}

/** A scratch tree with the project's rooms, the given files, and the project's tsconfigs. */
function scratch(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-arch-'));
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    for (const config of ['tsconfig.json', 'tsconfig.language.json', 'tsconfig.webview.json', 'tsconfig.node.json']) {
        fs.copyFileSync(path.join(ROOT, config), path.join(dir, config));
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    return dir;
}

describe('the rooms and their arrows', function () {
    this.timeout(60_000);

    it('hold in the repository: no wrong-way import, no import cycle', () => {
        const { status, violations } = cruise(ROOT, ['language', 'analytics', 'cli', 'server', 'extension']);
        assert.deepStrictEqual(violations, []);
        assert.strictEqual(status, 0);
    });

    it('fail on a wrong-way import, naming the rule and both files', () => {
        const dir = scratch({
            'analytics/model.ts': 'export const REDACTED = "[redacted]";\n',
            'analytics/store.ts': 'export const store = 1;\n',
            'server/protocol.ts': 'export const p = 1;\n',
            'server/main.ts': 'export const m = 1;\n',
            'cli/main.ts': 'import { m } from "../server/main.js";\nexport const c = m;\n',
            'language/flow-graph.ts': 'import { REDACTED } from "../analytics/model.js";\nexport const x = REDACTED;\n',
            'extension/main.ts': 'import { store } from "../analytics/store.js";\nimport { m } from "../server/main.js";\nexport const e = store + m;\n',
            'extension/webview/preview/main.ts': 'import { p } from "../../../server/protocol.js";\nexport const w = p;\n'
        });
        try {
            const { status, violations } = cruise(dir, ['language', 'analytics', 'cli', 'server', 'extension']);
            assert.notStrictEqual(status, 0, 'the run fails');
            const found = violations.sort();
            for (const expected of [
                'language-is-pure: language/flow-graph.ts -> analytics/model.ts',
                'cli-is-not-the-server: cli/main.ts -> server/main.ts',
                'extension-reaches-the-server-through-protocol: extension/main.ts -> analytics/store.ts',
                'extension-reaches-the-server-through-protocol: extension/main.ts -> server/main.ts',
                'webviews-talk-through-webview-protocol: extension/webview/preview/main.ts -> server/protocol.ts'
            ]) assert.ok(found.includes(expected), `${expected}\nfound:\n${found.join('\n')}`);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('type-check each runtime on its own: Node in language/ or in a webview, the DOM in the server, fail', () => {
        const dir = scratch({
            'language/input.ts': 'export const here = process.cwd();\n',
            'extension/webview/preview/save.ts': 'export const home = process.env.HOME;\n',
            'server/page.ts': 'export const title = document.title;\n'
        });
        try {
            const errors = (project: string) => spawnSync(process.execPath, [TSC, '-p', project], { cwd: dir, encoding: 'utf8' }).stdout;
            assert.match(errors('tsconfig.language.json'), /language\/input\.ts.*Cannot find name 'process'/);
            assert.match(errors('tsconfig.webview.json'), /extension\/webview\/preview\/save\.ts.*Cannot find name 'process'/);
            assert.match(errors('tsconfig.node.json'), /server\/page\.ts.*Cannot find name 'document'/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
