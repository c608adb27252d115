// `npm run demo`: builds and packages the extension, installs the .vsix into a demo code-server,
// imports the sample logs with the installed extension's own CLI, serves VS Code on 127.0.0.1
// with examples/ open, prints the URL and stays in the foreground until Ctrl-C / SIGTERM, which
// stop code-server and everything it started. A second run finds the same sources installed and
// the logs imported, skips the build, and is serving in a few seconds.
// Options: --port N (default 8080, or a free port if 8080 is taken).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codeServerDirs, freePort, installExtension, projectRoot, startCodeServer, toolsDir } from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { packageExtension } from './package.mjs';
import { builtBinding } from './sqlite3-native.mjs';

// CHATFLOW_DEMO_DIR: another place for the demo's code-server data (default .tools/demo).
const dataDir = process.env.CHATFLOW_DEMO_DIR ?? join(toolsDir, 'demo');
const stampFile = join(dataDir, 'installed-extension.sha256');
const workspace = join(projectRoot, 'examples');
const settings = {
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'git.openRepositoryInParentFolders': 'never'
};
/** What the .vsix is made from: a change to any of these rebuilds and reinstalls it. */
const SOURCES = ['extension', 'server', 'language', 'syntaxes', 'media', 'package.json', 'package-lock.json', 'README.md', 'CHANGELOG.md',
    'LICENSE', '.vscodeignore', 'language-configuration.json', 'langium-config.json', 'scripts/build.mjs', 'scripts/build-webview.mjs',
    'scripts/sqlite3-native.mjs', 'scripts/package.mjs'];

function log(message) {
    console.log(`[demo] ${message}`);
}

function* filesUnder(path) {
    if (statSync(path).isDirectory()) {
        for (const entry of readdirSync(path).sort()) {
            if (entry === 'generated' || entry === 'node_modules') continue; // Langium output: made from the grammar hashed here
            yield* filesUnder(join(path, entry));
        }
    } else {
        yield path;
    }
}

/** A hash of every source of the .vsix and of the sqlite3 binding it ships (a few MB: milliseconds). */
function sourceHash() {
    const hash = createHash('sha256');
    for (const source of SOURCES) {
        const path = join(projectRoot, source);
        if (!existsSync(path)) continue;
        for (const file of filesUnder(path)) hash.update(`${relative(projectRoot, file)}\0`).update(readFileSync(file));
    }
    hash.update(readFileSync(builtBinding()));
    return hash.digest('hex');
}

function requestedPort() {
    const index = process.argv.indexOf('--port');
    if (index < 0) return undefined;
    const port = Number(process.argv[index + 1]);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port needs a number between 1 and 65535, got '${process.argv[index + 1]}'.`);
    return port;
}

/** The folder code-server installed the extension into, if it is there. */
function installedExtension() {
    const extensions = codeServerDirs(dataDir).extensions;
    if (!existsSync(extensions)) return undefined;
    const { publisher, name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    const folder = readdirSync(extensions).find(entry => entry.startsWith(`${publisher}.${name}-${version}`));
    return folder ? join(extensions, folder) : undefined;
}

async function installIfChanged() {
    const hash = sourceHash();
    const installed = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
    if (hash === installed && installedExtension()) {
        log('extension sources unchanged since the last demo: keeping the installed copy');
        return;
    }
    const vsix = packageExtension();
    await installExtension(dataDir, vsix);
    writeFileSync(stampFile, `${hash}\n`);
    log(`installed ${vsix}`);
}

/**
 * The sample logs go into examples/.chatflow/analytics.db when it is missing or older than they
 * are, through the installed extension's CLI (dist/cli/main.cjs in the .vsix, with its sqlite3).
 */
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
    const cliPath = join(installedExtension(), 'dist', 'cli', 'main.cjs');
    const cli = (args) => execFileSync(process.execPath, [cliPath, 'import', ...args, '--db', db], { cwd: projectRoot, stdio: 'inherit' });
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
