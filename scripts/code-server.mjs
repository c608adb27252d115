// Starts and stops code-server (a real VS Code served to a browser) with isolated directories,
// so tests and the demo never touch the user's own VS Code settings or extensions.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = join(projectRoot, '.tools');
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerPrefix = join(toolsDir, 'code-server');
export const codeServerEntry = join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The directories one code-server instance owns, all under `dataDir`. */
export function codeServerDirs(dataDir) {
    return {
        user: join(dataDir, 'user'),
        extensions: join(dataDir, 'extensions'),
        env: {
            XDG_CONFIG_HOME: join(dataDir, 'config'),
            XDG_DATA_HOME: join(dataDir, 'data'),
            XDG_CACHE_HOME: join(dataDir, 'cache')
        }
    };
}

function assertInstalled() {
    if (!existsSync(codeServerEntry)) {
        throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed at ${codeServerPrefix}. Run: node scripts/install-tools.mjs`);
    }
}

/** Resolves `preferred` if it is free on host, otherwise any free port. */
export async function freePort(host = '127.0.0.1', preferred = 0) {
    const tryPort = port => new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(port, host, () => {
            const { port: bound } = server.address();
            server.close(() => resolvePort(bound));
        });
    });
    if (preferred) {
        try { return await tryPort(preferred); } catch { /* taken: fall back to any free port */ }
    }
    return tryPort(0);
}

/** Runs `code-server --install-extension file.vsix` into the instance's extensions dir. */
export async function installExtension(dataDir, vsixPath) {
    assertInstalled();
    const dirs = codeServerDirs(dataDir);
    const args = [codeServerEntry, '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions, '--force', '--install-extension', vsixPath];
    const output = [];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...dirs.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', chunk => output.push(chunk));
    child.stderr.on('data', chunk => output.push(chunk));
    const code = await new Promise(done => child.on('close', done));
    if (code !== 0) {
        throw new Error(`code-server could not install ${vsixPath} (exit ${code}):\n${Buffer.concat(output).toString()}`);
    }
}

/**
 * Starts code-server in its own process group on host:port with `workspace` open, waits for
 * /healthz, and returns `{ url, port, stop() }`. Output goes to `logFile` (or is inherited).
 */
export async function startCodeServer({ dataDir, workspace, host = '127.0.0.1', port, logFile, healthTimeoutMs = 30000 }) {
    assertInstalled();
    const dirs = codeServerDirs(dataDir);
    for (const dir of [dirs.user, dirs.extensions, ...Object.values(dirs.env)]) mkdirSync(dir, { recursive: true });
    const chosenPort = port ?? await freePort(host);
    const args = [
        codeServerEntry, '--auth', 'none', '--bind-addr', `${host}:${chosenPort}`,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions, workspace
    ];
    const log = logFile ? createWriteStream(logFile) : undefined;
    // detached = setsid: code-server forks the extension host and language servers; killing the
    // group stops them all.
    const child = spawn(process.execPath, args, {
        env: { ...process.env, ...dirs.env }, detached: true, stdio: ['ignore', log ? 'pipe' : 'inherit', log ? 'pipe' : 'inherit']
    });
    if (log) {
        child.stdout.pipe(log);
        child.stderr.pipe(log);
    }
    let exited = false;
    const exit = new Promise(done => child.on('exit', (code, signal) => { exited = true; done({ code, signal }); }));
    const url = `http://${host}:${chosenPort}/`;

    const stop = async () => {
        if (!exited) {
            killGroup(child.pid, 'SIGTERM');
            const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
            await exit;
            clearTimeout(timer);
        }
        // The extension host and language server may outlive the main process by a moment.
        killGroup(child.pid, 'SIGKILL');
        log?.end();
    };

    const deadline = Date.now() + healthTimeoutMs;
    while (!(await healthy(url))) {
        if (exited) {
            const { code, signal } = await exit;
            throw new Error(`code-server exited before serving ${url} (code ${code}, signal ${signal}). Log: ${logFile ?? 'above'}`);
        }
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`code-server did not answer ${url}healthz within ${healthTimeoutMs / 1000} s. Log: ${logFile ?? 'above'}`);
        }
        await new Promise(done => setTimeout(done, 200));
    }
    return { url, port: chosenPort, pid: child.pid, exit, stop };
}

async function healthy(url) {
    try {
        const response = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
        return response.ok;
    } catch {
        return false;
    }
}

function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    } catch (error) {
        if (error.code !== 'ESRCH') throw error;
    }
}
