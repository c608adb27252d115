// Bundles the extension, the language server and the CLI to CommonJS with esbuild.
// Langium is ESM-only; VS Code loads extensions as CommonJS, hence the .cjs outputs.
import * as esbuild from 'esbuild';
import { buildWebview } from './build-webview.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    external: ['vscode', 'sqlite3'],
    // Some ESM dependencies read import.meta.url; give them the bundle's own URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

const entries = [
    { entryPoints: ['extension/main.ts'], outfile: 'dist/extension/main.cjs' },
    { entryPoints: ['server/main.ts'], outfile: 'dist/server/main.cjs' },
    { entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli/main.cjs' }
];

const contexts = await Promise.all(entries.map(entry => esbuild.context({ ...common, ...entry })));
await buildWebview({ production, watch });
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
    console.log('esbuild: watching for changes');
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
