// Bundles the integration runner and suites (test/integration) to CommonJS for VS Code's
// extension host: dist/test/integration/index.cjs + suite/*.test.cjs. `vscode` is provided by
// the host; mocha stays external (it loads its reporters dynamically) and comes from node_modules.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { projectRoot } from './code-server.mjs';

export const integrationSource = join(projectRoot, 'test', 'integration');
export const integrationOut = join(projectRoot, 'dist', 'test', 'integration');
export const runnerPath = join(integrationOut, 'index.cjs');

export async function buildIntegrationTests() {
    const common = {
        bundle: true, format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline',
        logLevel: 'warning', external: ['vscode', 'mocha'], outExtension: { '.js': '.cjs' }
    };
    const suites = readdirSync(integrationSource).filter(name => name.endsWith('.test.ts')).map(name => join(integrationSource, name));
    await esbuild.build({ ...common, entryPoints: [join(integrationSource, 'index.ts')], outdir: integrationOut });
    await esbuild.build({ ...common, entryPoints: suites, outdir: join(integrationOut, 'suite') });
    return runnerPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await buildIntegrationTests();
}
