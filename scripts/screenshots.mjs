// The README's pictures, from the real-VS-Code run: packages the .vsix, runs the end-to-end session
// of test/e2e/person.mjs in a fresh code-server (1600×1000, the examples workspace, the same
// steps every time) and copies the screenshots of the main views to docs/images/.
//   npm run screenshots        (about 3 minutes; CHATFLOW_E2E_VSIX=path reuses a packaged .vsix)
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './code-server.mjs';
import { runE2e } from './run-e2e.mjs';

/** docs/images name <- the e2e step's screenshot (test-output/e2e/<name>.png). */
export const PICTURES = {
    'preview.png': '2a-preview',
    'simulator.png': '3-goal-badge',
    'code-lenses.png': '4c-code-lenses',
    'analytics-panel.png': '4d-analytics',
    'test-explorer.png': '5-tests-passed',
    'walkthrough.png': '6-walkthrough',
    'analytics-outcomes.png': '7a-outcomes',
    'analytics-fix-first.png': '7b-fix-first',
    'analytics-segments.png': '7c-segments',
    'analytics-paths.png': '7d-paths',
    'lit-path.png': '7e-lit-path'
};

const code = await runE2e();
if (code !== 0) {
    console.error('[screenshots] the end-to-end run failed: the pictures are not updated.');
    process.exit(code);
}
const images = join(projectRoot, 'docs', 'images');
mkdirSync(images, { recursive: true });
for (const [picture, step] of Object.entries(PICTURES)) {
    const shot = join(projectRoot, 'test-output', 'e2e', `${step}.png`);
    if (!existsSync(shot)) throw new Error(`The end-to-end run made no ${shot}: see test/e2e/person.mjs for the step names.`);
    copyFileSync(shot, join(images, picture));
    console.log(`[screenshots] docs/images/${picture} <- ${step}`);
}
