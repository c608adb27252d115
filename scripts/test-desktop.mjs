// `npm run test:desktop`: the integration suites in a desktop VS Code (Electron) through
// @vscode/test-electron, which DOWNLOADS VS Code on first use (cached in .vscode-test/).
// Without internet access it fails with a clear message; `npm run test:integration` runs the
// same suites offline in code-server. On a Linux machine without a display, use xvfb-run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './build-integration.mjs';
import { projectRoot } from './code-server.mjs';
import { createWorkspace } from './run-integration.mjs';

// Same VS Code as code-server 4.100.3, so both runs test one version.
const VSCODE_VERSION = process.env.VSCODE_VERSION ?? '1.100.3';

async function main() {
    const extensionTestsPath = await buildIntegrationTests();
    const root = mkdtempSync(join(tmpdir(), 'chatflow-desktop-'));
    const workspace = createWorkspace(root);
    mkdirSync(join(root, 'user'));
    if (process.platform === 'linux' && !process.env.DISPLAY) {
        console.warn('[test:desktop] no DISPLAY: VS Code needs one; run with xvfb-run -a npm run test:desktop');
    }
    try {
        return await runTests({
            version: VSCODE_VERSION,
            extensionDevelopmentPath: projectRoot,
            extensionTestsPath,
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(root, 'user')]
        });
    } catch (error) {
        const text = String(error?.message ?? error);
        if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(text)) {
            throw new Error(`could not download VS Code ${VSCODE_VERSION} (${text.split('\n')[0]}). `
                + 'test:desktop needs access to update.code.visualstudio.com; offline, run npm run test:integration (same suites in code-server).');
        }
        throw new Error(`VS Code ${VSCODE_VERSION} ran the integration suites and failed: ${text}`);
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
}

try {
    process.exitCode = await main();
} catch (error) {
    console.error(`[test:desktop] ${error.message}`);
    process.exitCode = 1;
}
