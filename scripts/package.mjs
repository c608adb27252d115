// Builds the production bundles and packages them into dist/chatflow-studio-<version>.vsix with
// vsce, offline: --no-dependencies because esbuild already bundled every dependency into dist/
// (.vscodeignore lists what goes in). Prints the .vsix path.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './code-server.mjs';

function run(command, args) {
    const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}).`);
}

export function vsixPath() {
    const { name, version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    return join(projectRoot, 'dist', `${name}-${version}.vsix`);
}

/** Generated parser + minified bundles without source maps, as shipped. */
export function buildProduction() {
    run('npm', ['run', '--silent', 'langium:generate']);
    run(process.execPath, ['scripts/build.mjs', '--production']);
}

/** Packages what dist/ holds now; returns the .vsix path. */
export function packageVsix() {
    const out = vsixPath();
    const vsce = join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const args = [vsce, 'package', '--no-dependencies', '--out', out];
    // A later issue adds the licence file; until then vsce would stop to ask about it.
    if (!existsSync(join(projectRoot, 'LICENSE'))) args.push('--skip-license');
    run(process.execPath, args);
    return out;
}

export function packageExtension() {
    buildProduction();
    return packageVsix();
}

if (import.meta.url === `file://${process.argv[1]}`) {
    try {
        console.log(`[package] ${packageExtension()}`);
    } catch (error) {
        console.error(`[package] ${error.message}`);
        process.exit(1);
    }
}
