#!/usr/bin/env node
// `npx chatflow`: the bundled CLI (cli/, built by `node scripts/build.mjs`).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'main.cjs');
if (!fs.existsSync(bundle)) {
    console.error(`chatflow: ${bundle} is missing. Run 'npm run build' first.`);
    process.exitCode = 2;
} else {
    require(bundle);
}
