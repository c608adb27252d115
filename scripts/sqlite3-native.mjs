// The packaged extension has no node_modules: in a production build the sqlite3 package's
// JavaScript is bundled like every other dependency, and its native binding (the Node-API
// node_sqlite3.node that `npm ci` built, which loads in Node and in Electron alike) is copied
// next to the bundles, to <outdir>/native/. sqlite3 finds its binding with the `bindings`
// package, which searches node_modules folders at run time; the plugin below replaces that
// lookup with a require of the copied file, relative to the bundle (every bundle sits one
// folder below <outdir>: extension/, server/, cli/).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const NATIVE_BINDING = 'node_sqlite3.node';

/** The binding `npm ci` built (or downloaded) for this machine's platform and architecture. */
export function builtBinding() {
    const sqlite3Dir = dirname(require.resolve('sqlite3/package.json'));
    const binding = join(sqlite3Dir, 'build', 'Release', NATIVE_BINDING);
    if (!existsSync(binding)) {
        throw new Error(`${binding} is missing: the sqlite3 package has no native binding. Run \`npm ci\` (it builds sqlite3 from source when no prebuilt binary can be downloaded) or \`npm rebuild sqlite3\`.`);
    }
    return binding;
}

/** Copies the binding to <outdir>/native/node_sqlite3.node; returns the copy's path. */
export function copyBinding(outdir) {
    const target = join(outdir, 'native', NATIVE_BINDING);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(builtBinding(), target);
    return target;
}

/** esbuild plugin: sqlite3's `require('bindings')('node_sqlite3.node')` becomes a require of ../native/. */
export const sqlite3NativePlugin = {
    name: 'sqlite3-native',
    setup(build) {
        build.onResolve({ filter: /sqlite3-binding\.js$/ }, args => ({ path: args.path, namespace: 'sqlite3-native' }));
        build.onLoad({ filter: /.*/, namespace: 'sqlite3-native' }, () => ({
            contents: `module.exports = require(require('path').join(__dirname, '..', 'native', ${JSON.stringify(NATIVE_BINDING)}));`,
            loader: 'js'
        }));
    }
};
