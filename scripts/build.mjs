// Bundles the extension, the language server and the CLI to CommonJS with esbuild.
// Langium is ESM-only; VS Code loads extensions as CommonJS, hence the .cjs outputs.
import * as esbuild from 'esbuild';
import { buildWebview } from './build-webview.mjs';
import { copyBinding, sqlite3NativePlugin } from './sqlite3-native.mjs';

const watch = process.argv.includes('--watch');
// --production: minified, no source maps, sqlite3 bundled with its native binding copied to
// <outdir>/native (what the .vsix ships; see sqlite3-native.mjs). --outdir=DIR (default dist).
const production = process.argv.includes('--production');
const outdir = process.argv.find(arg => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    external: production ? ['vscode'] : ['vscode', 'sqlite3'],
    plugins: production ? [sqlite3NativePlugin] : [],
    // Some ESM dependencies read import.meta.url; give them the bundle's own URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

const entries = [
    { entryPoints: ['extension/main.ts'], outfile: `${outdir}/extension/main.cjs` },
    { entryPoints: ['server/main.ts'], outfile: `${outdir}/server/main.cjs` },
    { entryPoints: ['cli/main.ts'], outfile: `${outdir}/cli/main.cjs` }
];

const contexts = await Promise.all(entries.map(entry => esbuild.context({ ...common, ...entry })));
await buildWebview({ production, watch, outdir: `${outdir}/webview` });
if (production) copyBinding(outdir);
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
    console.log('esbuild: watching for changes');
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
