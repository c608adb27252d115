// The end-to-end test, like a person: packages the .vsix, installs it into a FRESH
// code-server (its own user-data and extensions folders), opens a copy of examples/ in headless
// Chromium and drives only the UI (test/e2e/person.mjs). A screenshot per step goes to
// test-output/e2e/. Prints one line per step and "N passed, N failed"; exits 1 if a step failed.
// CHATFLOW_E2E_VSIX=path skips packaging and installs that .vsix (for quick reruns).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { personSteps } from '../test/e2e/person.mjs';
import { codeServerDirs, installExtension, projectRoot, startCodeServer } from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { packageExtension } from './package.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];
const outputDir = join(projectRoot, 'test-output', 'e2e');
/** A new user's VS Code, minus what would cover the editor on a first start. */
const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'files.simpleDialog.enable': true,
    'chat.commandCenter.enabled': false
};

function log(message) {
    console.log(`[e2e] ${message}`);
}

/** A fresh code-server with the .vsix installed, and a copy of examples/ (no analytics database). */
async function freshCodeServer(root, vsix) {
    const dataDir = join(root, 'code-server');
    const dirs = codeServerDirs(dataDir);
    mkdirSync(join(dirs.user, 'User'), { recursive: true });
    writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 4));
    const started = Date.now();
    await installExtension(dataDir, vsix);
    log(`installed ${vsix} into a fresh code-server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const workspace = join(root, 'examples');
    cpSync(join(projectRoot, 'examples'), workspace, { recursive: true, filter: source => !source.includes(`${join(projectRoot, 'examples', '.chatflow')}`) });
    const server = await startCodeServer({ dataDir, workspace, logFile: join(outputDir, 'code-server.log') });
    return { server, workspace };
}

async function runSteps(url, workspace) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const results = [];
    try {
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        page.on('pageerror', error => { if (process.env.CHATFLOW_E2E_VERBOSE) log(`page error: ${error.message}`); });
        await page.goto(url, { timeout: 120_000 });
        // The workbench, or one element of it (a section of a webview).
        const shot = (name, element = page) => element.screenshot({ path: join(outputDir, `${name}.png`) });
        let failed = false;
        for (const step of personSteps()) {
            if (failed) {
                results.push({ name: step.name, state: 'not run (an earlier step failed)' });
                continue;
            }
            const started = Date.now();
            try {
                await step.run({ page, workspace, shot });
                results.push({ name: step.name, state: 'passed', seconds: (Date.now() - started) / 1000 });
                log(`✔ ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
            } catch (error) {
                failed = true;
                const screenshot = join(outputDir, `failed-step-${results.length + 1}.png`);
                await page.screenshot({ path: screenshot }).catch(() => undefined);
                results.push({ name: step.name, state: 'failed', error });
                log(`✘ ${step.name}\n    ${error.message.split('\n').join('\n    ')}\n    screenshot: ${screenshot}`);
            }
        }
    } finally {
        await browser.close();
    }
    return results;
}

export async function runE2e() {
    const started = Date.now();
    await ensureTools();
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    const vsix = process.env.CHATFLOW_E2E_VSIX ?? packageExtension();
    if (!existsSync(vsix)) throw new Error(`${vsix} does not exist.`);
    const root = mkdtempSync(join(tmpdir(), 'chatflow-e2e-'));
    let server;
    const stop = async () => {
        await server?.stop();
        rmSync(root, { recursive: true, force: true });
    };
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().finally(() => process.exit(130)));
    try {
        const fresh = await freshCodeServer(root, vsix);
        server = fresh.server;
        log(`code-server ${server.url} with ${fresh.workspace}`);
        const results = await runSteps(`${server.url}?folder=${encodeURIComponent(fresh.workspace)}`, fresh.workspace);
        const passed = results.filter(r => r.state === 'passed').length;
        const failed = results.length - passed;
        log(`screenshots in ${outputDir}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
        console.log(`${passed} passed, ${failed} failed`);
        return failed === 0 ? 0 : 1;
    } finally {
        await stop();
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
    try {
        process.exitCode = await runE2e();
    } catch (error) {
        console.error(`[e2e] ${error.message}`);
        process.exitCode = 1;
    }
}
