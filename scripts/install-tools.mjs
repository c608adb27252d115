// Installs what the real-VS-Code tests and the demo need, once: Debian packages (chromium,
// ripgrep, libkrb5-dev, sqlite3, libxml2-utils, and postgresql for the tests' throwaway server) when missing, and code-server into the git-ignored .tools/.
// A second run finds everything in place and returns in well under a second.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, codeServerEntry, codeServerPrefix, startCodeServer, toolsDir } from './code-server.mjs';

export const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'sqlite3', 'unzip', 'libxml2-utils', 'postgresql'];
// @vscode/ripgrep (pinned by code-server) downloads rg from GitHub in its postinstall; we seed
// its download cache with Debian's rg instead (no internet here but npm and apt).
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const stampFile = join(codeServerPrefix, '.chatflow-installed');

function log(message) {
    console.log(`[install-tools] ${message}`);
}

function missingAptPackages() {
    return APT_PACKAGES.filter(name => {
        const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
        return result.status !== 0 || !result.stdout.includes('install ok installed');
    });
}

function ensureAptPackages() {
    const missing = missingAptPackages();
    if (missing.length === 0) return;
    if (process.getuid?.() !== 0) {
        throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    }
    log(`apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

function installedCodeServerVersion() {
    if (!existsSync(stampFile) || !existsSync(codeServerEntry)) return undefined;
    return readFileSync(stampFile, 'utf8').trim();
}

function seedRipgrepCache(tmp) {
    const cacheDir = join(tmp, RIPGREP_CACHE);
    mkdirSync(cacheDir, { recursive: true });
    const staging = mkdtempSync(join(tmpdir(), 'chatflow-rg-'));
    copyFileSync('/usr/bin/rg', join(staging, 'rg'));
    execFileSync('tar', ['-czf', join(cacheDir, RIPGREP_TARBALL), '-C', staging, 'rg']);
    rmSync(staging, { recursive: true, force: true });
}

function installCodeServer() {
    const tmp = join(toolsDir, 'tmp');
    rmSync(codeServerPrefix, { recursive: true, force: true });
    mkdirSync(codeServerPrefix, { recursive: true });
    seedRipgrepCache(tmp);
    // Its own package.json makes the prefix a project: npm 11 reads the install-script policy
    // (allowScripts) from here. code-server's postinstall runs `npm install` in lib/vscode,
    // which builds node-pty, kerberos and spdlog; argon2 fetches or builds its binding.
    writeFileSync(join(codeServerPrefix, 'package.json'), JSON.stringify({
        name: 'chatflow-tools', private: true, allowScripts: { 'code-server': true, argon2: true }
    }, null, 2) + '\n');
    log(`npm install code-server@${CODE_SERVER_VERSION} into ${codeServerPrefix} (a few minutes)`);
    const env = {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root without it
        npm_config_yes: 'true', // node-pty's postinstall runs npx
        npm_config_strict_allow_scripts: 'false', // the nested lib/vscode install has no allowScripts
        npm_config_audit: 'false',
        npm_config_fund: 'false'
    };
    const result = spawnSync('npm', ['install', '--prefix', codeServerPrefix, '--save-exact', `code-server@${CODE_SERVER_VERSION}`],
        { stdio: 'inherit', env });
    if (result.status !== 0 || !existsSync(join(codeServerPrefix, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules.asar'))) {
        throw new Error(`Installing code-server into ${codeServerPrefix} failed (npm exit ${result.status}); its postinstall did not finish. See the npm output above.`);
    }
}

/** A short start proves the native modules built and the server answers /healthz. */
async function verifyCodeServer() {
    const dataDir = mkdtempSync(join(tmpdir(), 'chatflow-cs-check-'));
    const workspace = join(dataDir, 'workspace');
    mkdirSync(workspace);
    const server = await startCodeServer({ dataDir, workspace, logFile: join(dataDir, 'code-server.log') });
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
}

export async function ensureTools() {
    ensureAptPackages();
    if (installedCodeServerVersion() === CODE_SERVER_VERSION) return;
    const started = Date.now();
    installCodeServer();
    await verifyCodeServer();
    writeFileSync(stampFile, `${CODE_SERVER_VERSION}\n`);
    log(`code-server ${CODE_SERVER_VERSION} installed and verified in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
    try {
        await ensureTools();
    } catch (error) {
        console.error(`[install-tools] ${error.message}`);
        process.exit(1);
    }
}
