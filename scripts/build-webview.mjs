// Bundles the preview webview for the browser: dist/webview/preview.js (+ preview.css) and the
// layout worker dist/webview/layout-worker.js. No Node APIs, no 'vscode' import: the bundle
// talks to the extension only through acquireVsCodeApi() (see extension/webview/README.md).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// elkjs's worker script, run as is at the top of layout-worker.js (see layout-worker.ts): it
// exports its in-thread worker into `module`.
const elkWorker = readFileSync(createRequire(import.meta.url).resolve('elkjs/lib/elk-worker.min.js'), 'utf8');

/** Builds (or watches) the webview bundle; returns the esbuild contexts when watching. */
export async function buildWebview({ production = false, watch = false, outdir = 'dist/webview' } = {}) {
    const common = {
        absWorkingDir: root,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: ['chrome114'],
        sourcemap: production ? false : 'linked',
        minify: production,
        logLevel: 'warning',
        outdir
    };
    const contexts = await Promise.all([
        esbuild.context({ ...common, entryPoints: { preview: 'extension/webview/preview/main.ts' } }),
        esbuild.context({
            ...common,
            entryPoints: { 'layout-worker': 'extension/webview/preview/layout-worker.ts' },
            banner: { js: `var module = { exports: {} }, exports = module.exports;\n${elkWorker}\n` }
        }),
        esbuild.context({ ...common, entryPoints: { analytics: 'extension/webview/analytics/main.ts' } })
    ]);
    if (watch) {
        await Promise.all(contexts.map(ctx => ctx.watch()));
        return contexts;
    }
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
    return [];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const outdir = process.argv.find(a => a.startsWith('--outdir='))?.slice('--outdir='.length);
    await buildWebview({ production: process.argv.includes('--production'), watch: process.argv.includes('--watch'), outdir });
}
