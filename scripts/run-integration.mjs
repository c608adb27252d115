// Runs the integration suites (test/integration) inside a real VS Code: code-server serves the
// workbench, headless Debian chromium (driven by playwright-core) opens it with the test payload,
// the extension host runs mocha, and the workbench reports the exit code by calling
// window.codeAutomationExit(code). Exits with that code; 1 with a clear message on timeout.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildIntegrationTests } from './build-integration.mjs';
import { codeServerDirs, projectRoot, startCodeServer } from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';

const TIMEOUT_MS = Number(process.env.CHATFLOW_IT_TIMEOUT_MS ?? 180000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputDir = join(projectRoot, 'test-output', 'integration');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

function log(message) {
    console.log(`[integration] ${message}`);
}

/** examples/ plus the test fixtures, copied so a run never dirties the repository. */
export function createWorkspace(root) {
    const workspace = join(root, 'workspace');
    // Not examples/.chatflow: the database `npm run demo` leaves there would change every number.
    cpSync(join(projectRoot, 'examples'), workspace, { recursive: true, filter: source => !source.startsWith(join(projectRoot, 'examples', '.chatflow')) });
    cpSync(join(projectRoot, 'test', 'integration', 'fixtures'), workspace, { recursive: true });
    return workspace;
}

export function testUrl(serverUrl, port, workspace, runnerPath) {
    const remote = path => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(projectRoot)], ['extensionTestsPath', remote(runnerPath)]];
    return `${serverUrl}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// Must match OUTPUT_MARKER in test/integration/index.ts: the mocha reporter's lines, formatted
// in the extension host, arrive in the page console behind a log-level prefix.
const OUTPUT_MARKER = '[chatflow-it] ';

function forwardConsole(page) {
    page.on('console', message => {
        const text = message.text();
        const marker = text.indexOf(OUTPUT_MARKER);
        if (marker >= 0) {
            process.stdout.write(`${text.slice(marker + OUTPUT_MARKER.length)}\n`);
        } else if (process.env.CHATFLOW_IT_VERBOSE) {
            process.stdout.write(`[workbench ${message.type()}] ${text}\n`);
        }
    });
}

async function runInBrowser(url) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
        const page = await browser.newPage();
        forwardConsole(page);
        let reportExit;
        const exitCode = new Promise(resolve => { reportExit = resolve; });
        await page.exposeFunction('codeAutomationExit', code => reportExit(code));
        let timer;
        const timeout = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); });
        // Only a failed navigation ends the race early; a finished one waits for the exit code.
        const navigation = page.goto(url, { timeout: 0 }).then(() => new Promise(() => {}), error => {
            throw new Error(`Chromium could not open ${url}: ${error.message}`);
        });
        const result = await Promise.race([exitCode, timeout, navigation]);
        clearTimeout(timer);
        if (result === 'timeout') {
            const screenshot = join(outputDir, 'timeout.png');
            await page.screenshot({ path: screenshot }).catch(() => undefined);
            throw new Error(`The tests did not finish within ${TIMEOUT_MS / 1000} s: VS Code never called codeAutomationExit. `
                + `Screenshot: ${screenshot}; code-server log: ${join(outputDir, 'code-server.log')}. `
                + 'Raise CHATFLOW_IT_TIMEOUT_MS or set CHATFLOW_IT_VERBOSE=1 to see the workbench console.');
        }
        return result;
    } finally {
        await browser.close();
    }
}

export async function runIntegration() {
    const started = Date.now();
    for (const bundle of ['dist/extension/main.cjs', 'dist/server/main.cjs']) {
        if (!existsSync(join(projectRoot, bundle))) throw new Error(`${bundle} is missing: run npm run build first.`);
    }
    await ensureTools();
    const runnerPath = await buildIntegrationTests();
    mkdirSync(outputDir, { recursive: true });
    const root = mkdtempSync(join(tmpdir(), 'chatflow-it-'));
    const workspace = createWorkspace(root);
    const dataDir = join(root, 'code-server');
    // The extension's walkthrough would open over the editors the suites work in.
    const userDir = join(codeServerDirs(dataDir).user, 'User');
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, 'settings.json'), JSON.stringify({ 'workbench.welcomePage.walkthroughs.openOnInstall': false }));
    const server = await startCodeServer({ dataDir, workspace, logFile: join(outputDir, 'code-server.log') });
    const stop = async () => {
        await server.stop();
        rmSync(root, { recursive: true, force: true });
    };
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().finally(() => process.exit(130)));
    try {
        log(`code-server ${server.url} with ${workspace}`);
        const code = await runInBrowser(testUrl(server.url, server.port, workspace, runnerPath));
        log(`exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return code;
    } finally {
        await stop();
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
    try {
        process.exitCode = await runIntegration();
    } catch (error) {
        console.error(`[integration] ${error.message}`);
        process.exitCode = 1;
    }
}
