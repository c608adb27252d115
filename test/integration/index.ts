/**
 * Test runner loaded by VS Code inside the extension host (`extensionTestsPath`): runs every
 * bundled `*.test.cjs` next to it with mocha. The same file serves code-server
 * (scripts/run-integration.mjs) and desktop VS Code (scripts/test-desktop.mjs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The extension host's console reaches the workbench (and so the browser console) one call at a
 * time, unformatted; scripts/run-integration.mjs prints every line that carries this marker.
 */
export const OUTPUT_MARKER = '[chatflow-it] ';

export async function run(): Promise<void> {
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(OUTPUT_MARKER + format(...args));
    // CHATFLOW_IT_GREP narrows a run to the tests whose title matches it (while working on one suite).
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000, grep: process.env.CHATFLOW_IT_GREP || undefined });
    const suiteDir = join(__dirname, 'suite');
    const files = readdirSync(suiteDir).filter(name => name.endsWith('.test.cjs')).sort();
    if (files.length === 0) throw new Error(`No integration suites (*.test.cjs) in ${suiteDir}: run node scripts/build-integration.mjs`);
    for (const file of files) mocha.addFile(join(suiteDir, file));
    const failures = await new Promise<number>(resolve => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
