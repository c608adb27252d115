// `npm run package`: builds the production bundles into a staging folder (dist/vsix/) and packages
// it into dist/chatflow-studio-<target>-<version>.vsix with vsce, offline. The .vsix is
// platform-specific: it ships sqlite3's native binding (dist/native/node_sqlite3.node, built by
// `npm ci` for this machine), so its target is this machine's platform (linux-x64 here); build
// the other targets on a machine of that platform (README, "Platforms"). The dev bundles in dist/
// are left alone. `--no-dependencies`: esbuild bundled every dependency, and the staging folder
// has no node_modules. .vscodeignore lists what goes in. Prints the .vsix path.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './code-server.mjs';

/** Staging folder: the extension's files laid out as in the .vsix. */
export const stagingDir = join(projectRoot, 'dist', 'vsix');
/** Files and folders copied from the repository into the staging folder, besides the bundles. */
export const STATIC_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'language-configuration.json',
    'syntaxes/chatflow.tmLanguage.json', 'media'];

function run(command, args, cwd = projectRoot) {
    const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}).`);
}

/** The VS Code target of this machine (the platform the sqlite3 binding was built for). */
export function hostTarget() {
    const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
    const platform = process.platform === 'linux' && existsSync('/etc/alpine-release') ? 'alpine' : process.platform;
    if (!arch || !['linux', 'alpine', 'darwin', 'win32'].includes(platform)) {
        throw new Error(`VS Code has no extension target for ${process.platform}-${process.arch}.`);
    }
    return `${platform}-${arch}`;
}

function requestedTarget(argv) {
    const index = argv.indexOf('--target');
    const target = index < 0 ? hostTarget() : argv[index + 1];
    if (target !== hostTarget()) {
        throw new Error(`--target ${target}: this machine builds ${hostTarget()} packages only, because the .vsix ships the sqlite3 binding npm ci built here. Run \`npm ci && npm run package\` on a ${target} machine.`);
    }
    return target;
}

export function vsixPath(target = hostTarget()) {
    const { name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    return join(projectRoot, 'dist', `${name}-${target}-${version}.vsix`);
}

/** Generated parser + minified bundles without source maps + the sqlite3 binding, in the staging folder. */
export function buildProduction() {
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true });
    run('npm', ['run', '--silent', 'langium:generate']);
    run(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${join(stagingDir, 'dist')}`]);
    for (const file of STATIC_FILES) {
        const from = join(projectRoot, file);
        if (!existsSync(from)) throw new Error(`${file} is missing: the .vsix needs it.`);
        cpSync(from, join(stagingDir, file), { recursive: true });
    }
}

/** Packages what the staging folder holds now; returns the .vsix path. */
export function packageVsix(target = hostTarget()) {
    const out = vsixPath(target);
    const vsce = join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--target', target, '--out', out], stagingDir);
    return out;
}

export function packageExtension(target = hostTarget()) {
    buildProduction();
    return packageVsix(target);
}

if (import.meta.url === `file://${process.argv[1]}`) {
    try {
        console.log(`[package] ${packageExtension(requestedTarget(process.argv))}`);
    } catch (error) {
        console.error(`[package] ${error.message}`);
        process.exit(1);
    }
}
