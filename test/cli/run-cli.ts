import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli/main.cjs');

export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
    /** stdout split into lines, without the trailing empty one. */
    lines: string[];
}

/** Runs the bundled CLI the way a user does (`node dist/cli/main.cjs ...`) from the repository root. */
export function runCli(...args: string[]): CliResult {
    return runNode(CLI, args);
}

/** Runs the bundled CLI with these environment variables added (PGPASSWORD, PGSERVICEFILE...). */
export function runCliWith(env: NodeJS.ProcessEnv, ...args: string[]): CliResult {
    return runNode(CLI, args, env);
}

/** Runs the CLI through the package's "bin" entry, the file `npx chatflow` starts. */
export function runBin(...args: string[]): CliResult {
    return runNode(path.join(ROOT, 'bin/chatflow.cjs'), args);
}

function runNode(script: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
    const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
    if (result.error) throw result.error;
    return {
        status: result.status,
        stdout: result.stdout,
        stderr: result.stderr,
        lines: result.stdout.split('\n').filter(line => line !== '')
    };
}

/**
 * Builds the bundles with scripts/build.mjs when dist/cli/main.cjs is missing or older than a
 * source it bundles, so `npx mocha` alone never tests a stale CLI.
 */
export function ensureCliBuilt(): void {
    const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
    const newest = Math.max(...['language', 'analytics', 'cli'].map(folder => newestSource(path.join(ROOT, folder))));
    if (built >= newest) return;
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${build.stderr}`);
}

function newestSource(folder: string): number {
    let newest = 0;
    for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name.endsWith('.ts')) {
            newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
        }
    }
    return newest;
}
