// `npm run demo`: builds and packages the extension, installs the .vsix into a demo code-server
// (re-installing only when the packaged files changed), serves VS Code on 127.0.0.1 with
// examples/ open, prints the URL and stays in the foreground until Ctrl-C / SIGTERM.
// Options: --port N (default 8080, or a free port if 8080 is taken).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, installExtension, projectRoot, startCodeServer, toolsDir } from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { buildProduction, packageVsix, vsixPath } from './package.mjs';

const dataDir = join(toolsDir, 'demo');
const stampFile = join(dataDir, 'installed-extension.sha256');
const workspace = join(projectRoot, 'examples');
const settings = {
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off'
};

function log(message) {
    console.log(`[demo] ${message}`);
}

/** A hash of the files .vscodeignore lets into the .vsix (the zip itself differs on every run). */
function shippedContentHash() {
    const hash = createHash('sha256');
    const shipped = readFileSync(join(projectRoot, '.vscodeignore'), 'utf8').split('\n')
        .filter(line => line.startsWith('!')).map(line => line.slice(1).trim());
    for (const file of shipped) {
        const path = join(projectRoot, file);
        hash.update(`${file}\0`);
        if (existsSync(path)) hash.update(readFileSync(path));
    }
    return hash.digest('hex');
}

function requestedPort() {
    const index = process.argv.indexOf('--port');
    if (index < 0) return undefined;
    const port = Number(process.argv[index + 1]);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port needs a number between 1 and 65535, got '${process.argv[index + 1]}'.`);
    return port;
}

async function installIfChanged() {
    buildProduction();
    const hash = shippedContentHash();
    const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
    if (hash === installed && existsSync(vsixPath())) {
        log('extension unchanged since the last demo: keeping the installed copy');
        return;
    }
    const vsix = packageVsix();
    await installExtension(dataDir, vsix);
    writeFileSync(stampFile, `${hash}\n`);
    log(`installed ${vsix}`);
}

/** The sample logs go into examples/.chatflow/analytics.db when it is missing or older than they are. */
function importSampleLogs() {
    const db = join(workspace, '.chatflow', 'analytics.db');
    const logs = join(workspace, 'logs');
    const canonical = ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => join(logs, name));
    const rasa = join(logs, 'dental-rasa-trackers.json');
    const newestLog = Math.max(...[...canonical, rasa].map(file => statSync(file).mtimeMs));
    if (existsSync(db) && statSync(db).mtimeMs >= newestLog) {
        log('sample logs already imported into examples/.chatflow/analytics.db');
        return;
    }
    const cli = (args) => execFileSync(process.execPath, [join(projectRoot, 'dist', 'cli', 'main.cjs'), 'import', ...args, '--db', db], { cwd: projectRoot, stdio: 'inherit' });
    cli([...canonical, '--flow', workspace]);
    cli([rasa, '--flow', workspace, '--flow-name', 'Dental']);
    log('imported the sample logs into examples/.chatflow/analytics.db');
}

async function main() {
    const started = Date.now();
    await ensureTools();
    mkdirSync(join(dataDir, 'user', 'User'), { recursive: true });
    const settingsFile = join(dataDir, 'user', 'User', 'settings.json');
    if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 4) + '\n');
    await installIfChanged();
    importSampleLogs();

    const port = requestedPort() ?? await freePort('127.0.0.1', 8080);
    const logFile = join(dataDir, 'code-server.log');
    const server = await startCodeServer({ dataDir, workspace, port, logFile });
    let stopping = false;
    const shutdown = async signal => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: stopping code-server`);
        await server.stop();
        process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));

    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`\n  Chatflow Studio demo: ${server.url}?folder=${encodeURIComponent(workspace)}\n`);
    console.log(`  (VS Code in the browser with examples/ open; log: ${logFile}; Ctrl-C stops it)\n`);
    const { code, signal } = await server.exit;
    if (!stopping) {
        console.error(`[demo] code-server stopped unexpectedly (code ${code}, signal ${signal}); see ${logFile}`);
        process.exit(1);
    }
}

main().catch(error => {
    console.error(`[demo] ${error.message}`);
    process.exit(1);
});
