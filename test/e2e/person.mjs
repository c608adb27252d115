// The steps of a first session, driven like a person: only keys, typing and clicks in the workbench and
// its webviews. Each step ends with the visible result it expects (or throws) and a screenshot.
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    cursorOnLine, focusEditor, goToLine, notification, problemRows, quickOpen, runCommand, until, WAIT_MS, waitForWorkbench, webviewFrame
} from './ui.mjs';

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text, needle) {
    const index = text.split('\n').findIndex(line => line.includes(needle));
    assert.ok(index >= 0, `'${needle}' is in the file`);
    return index + 1;
}

/** The clinic chat that books an appointment: [what the person does, the box that answers]. */
const BOOKING = [
    ['choose', 'Book an appointment', 'Clinic.ask_returning'],
    ['type', 'no', 'Clinic.ask_name'],
    ['type', 'Jane Doe', 'Clinic.ask_dob'],
    ['type', '1984-03-27', 'Clinic.ask_age'],
    ['type', '41', 'Clinic.ask_insured'],
    ['type', 'yes', 'Clinic.ask_symptoms'],
    ['type', 'Follow-up on blood pressure', 'Clinic.pick_day'],
    ['choose', 'Wednesday', 'Clinic.ask_phone'],
    ['type', '(555) 201-3344', 'Clinic.book_slot'],
    ['outcome', 'booked', 'Clinic.confirmed']
];

/**
 * The steps, in order; each gets `{ page, workspace, shot(name) }`. They share the page: step 2
 * needs the editor of step 1, step 4 the preview of step 2.
 */
export function personSteps() {
    let clinicText = '';
    let preview;
    return [
        {
            name: '1. a broken box reference shows in the Problems panel, and undo clears it',
            async run({ page, workspace, shot }) {
                clinicText = readFileSync(join(workspace, 'clinic.chatflow'), 'utf8');
                await waitForWorkbench(page, 'clinic.chatflow');
                await quickOpen(page, 'clinic.chatflow');
                await focusEditor(page, 'clinic.chatflow');
                // Welcome's way on: `-> main_menu`; typing "x" at its end names a box that does not exist.
                const line = lineOf(clinicText, '-> main_menu');
                await goToLine(page, line);
                await page.keyboard.press('End');
                await page.keyboard.type('x');
                await page.keyboard.press('Control+Shift+M'); // View: Problems
                await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT_MS });
                const rows = await until('the Problems panel to name main_menux', async () => {
                    const texts = await problemRows(page);
                    return texts.some(t => t.includes('main_menux')) ? texts : undefined;
                });
                await shot('1a-problem-shown');
                assert.ok(rows.some(t => t.includes('main_menux')));
                await focusEditor(page, 'clinic.chatflow');
                await page.keyboard.press('Control+Z');
                await until('the Problems panel to drop main_menux after undo', async () => !(await problemRows(page)).some(t => t.includes('main_menux')));
                await shot('1b-problem-cleared');
            }
        },
        {
            name: '2. the preview to the side draws the flow; a click on a box moves the editor to it',
            async run({ page, shot }) {
                await focusEditor(page, 'clinic.chatflow');
                await runCommand(page, 'Chatflow: Open Preview to the Side');
                preview = await webviewFrame(page, 'preview', 'svg [data-box="Clinic.welcome"]');
                const boxes = await until('every clinic box drawn', async () => {
                    const count = await preview.locator('svg g[data-box^="Clinic."]').count();
                    return count >= 25 ? count : undefined;
                });
                assert.ok(boxes >= 25, `the clinic flow's boxes are drawn (${boxes})`);
                await preview.locator('svg [data-box="Clinic.welcome"]').first().waitFor({ state: 'visible', timeout: WAIT_MS });
                // The graph and the simulator share the panel side by side: neither covers the other.
                const [graph, chatPane] = await Promise.all(['.cf-graph', '.cf-chat'].map(selector => preview.locator(selector).first().boundingBox()));
                assert.ok(graph && chatPane && graph.x + graph.width <= chatPane.x + 0.5,
                    `the graph (${JSON.stringify(graph)}) ends where the simulator (${JSON.stringify(chatPane)}) begins`);
                // Every control is reachable by keyboard: from the box search, Tab reaches the graph, the divider and the simulator.
                await preview.locator('.cf-search').focus();
                const reached = [];
                for (let i = 0; i < 14; i++) {
                    await page.keyboard.press('Tab');
                    reached.push(await preview.locator(':focus').first().evaluate(e => e.getAttribute('data-action') ?? e.getAttribute('data-box') ?? e.className).catch(() => 'outside'));
                }
                for (const stop of ['fit', 'toggle-chat', 'Clinic.welcome', 'cf-splitter', 'restart']) {
                    assert.ok(reached.includes(stop), `Tab reaches ${stop}: ${reached.join(', ')}`);
                }
                await shot('2a-preview');
                const target = lineOf(clinicText, 'input ask_name ');
                // The box search brings a box below the fold into view; then a click on it.
                await preview.locator('.cf-search').fill('ask_name');
                const box = preview.locator('svg g.search-current[data-box="Clinic.ask_name"]').first();
                await box.waitFor({ state: 'visible', timeout: WAIT_MS });
                await box.click();
                await cursorOnLine(page, target);
                await shot('2b-editor-jumped');
            }
        },
        {
            name: '3. a chat in the simulator reaches the appointment goal and its badge shows',
            async run({ page, shot }) {
                const chat = preview.locator('.cf-chat');
                await chat.waitFor({ state: 'visible', timeout: WAIT_MS });
                await chat.locator('li.cf-msg.bot[data-box="Clinic.main_menu"]').first().waitFor({ state: 'visible', timeout: WAIT_MS });
                for (const [action, value, next] of BOOKING) {
                    if (action === 'type') {
                        const answer = chat.locator('input.cf-answer');
                        await answer.click();
                        await page.keyboard.type(value);
                        await page.keyboard.press('Enter');
                    } else {
                        await chat.locator(`.cf-reply button`, { hasText: value }).first().click();
                    }
                    await chat.locator(`li.cf-msg.bot[data-box="${next}"]`).first().waitFor({ state: 'visible', timeout: WAIT_MS });
                }
                const badge = chat.locator('.cf-goal-badge[data-goal="appointment"]');
                await badge.waitFor({ state: 'visible', timeout: WAIT_MS });
                assert.match((await badge.textContent()) ?? '', /Appointment booked/);
                await shot('3-goal-badge');
            }
        },
        {
            name: '4. importing the sample logs puts numbers on the boxes; the Analytics panel draws the chart and the drop-out table',
            async run({ page, workspace, shot }) {
                await focusEditor(page, 'clinic.chatflow');
                await runCommand(page, 'Chatflow: Import Chat Logs…', { opensPicker: true });
                // code-server's file picker is a quick input holding a folder path, with its files
                // listed below: once it shows the workspace's logs folder, type the rest of the path.
                const picker = page.locator('.quick-input-widget');
                const input = picker.locator('input.input');
                await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'logs' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
                const logFile = join(workspace, 'logs', 'clinic-2026-11.jsonl');
                assert.strictEqual(await input.inputValue(), `${workspace}/`, 'the picker starts in the workspace folder');
                await input.press('End');
                await page.keyboard.type('logs/clinic-2026-11.jsonl');
                await until(`the picker to hold ${logFile}`, async () => (await input.inputValue()) === logFile);
                await shot('4a-pick-log');
                await page.keyboard.press('Enter');
                const message = await notification(page, /Imported [\d,]+ new events from 1 file/);
                assert.match(message, /Imported [\d,]+ new events/);
                await shot('4b-imported');
                await focusEditor(page, 'clinic.chatflow');
                const lens = await until('code lenses with numbers above the boxes', async () => {
                    const lenses = page.locator('.editor-group-container .monaco-editor .codelens-decoration');
                    for (let i = 0; i < await lenses.count(); i++) {
                        const text = (await lenses.nth(i).textContent()) ?? '';
                        // Numbers of the import: a lens still reading "0 chats" above the first box would be stale.
                        if (/^[1-9][\d,]* chats?\b/.test(text.trim())) return text.trim();
                    }
                    return undefined;
                });
                assert.match(lens, /\d+ chats/);
                await shot('4c-code-lenses');
                await runCommand(page, 'Chatflow: Open Analytics');
                const analytics = await webviewFrame(page, 'Analytics', 'svg.chart');
                await analytics.locator('svg.chart').first().waitFor({ state: 'visible', timeout: WAIT_MS });
                const rows = await until('rows in the top drop-out table', async () => {
                    const count = await analytics.locator('table.dropouts tbody tr').count();
                    return count > 0 ? count : undefined;
                });
                assert.ok(rows > 0);
                await analytics.locator('table.dropouts').first().scrollIntoViewIfNeeded();
                await shot('4d-analytics');
            }
        },
        {
            name: '5. the example tests run from the Test Explorer and pass',
            async run({ page, shot }) {
                await runCommand(page, 'View: Show Testing');
                const view = page.locator('.test-explorer');
                await view.waitFor({ state: 'visible', timeout: WAIT_MS });
                await view.locator('.monaco-list-row', { hasText: 'clinic.chatflow' }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
                await runCommand(page, 'Test: Run All Tests');
                // The view's summary reads "12/12" (passed/total) once the run is over.
                let seen = '';
                const summary = await until('the Test Explorer to report every test passed', async () => {
                    const parts = await page.locator('.result-summary').first()
                        .evaluate(element => [...element.querySelectorAll('*')].map(child => child.textContent.trim())).catch(() => []);
                    seen = parts.join(' | ');
                    const counts = parts.find(text => /^\d+\/\d+$/.test(text)) ?? '';
                    const match = /^(\d+)\/(\d+)$/.exec(counts);
                    return match && match[1] === match[2] && Number(match[2]) >= 4 ? counts : undefined;
                }).catch(error => { throw new Error(`${error.message}; the summary read '${seen}'`); });
                assert.match(summary, /^(\d+)\/\1$/);
                const clinic = view.locator('.monaco-list-row', { hasText: 'clinic.chatflow' }).first();
                await clinic.locator('.codicon-testing-passed-icon').waitFor({ state: 'visible', timeout: WAIT_MS });
                await shot('5-tests-passed');
            }
        },
        {
            name: '6. the walkthrough for the first minutes opens from the command palette with its five steps',
            async run({ page, shot }) {
                await runCommand(page, 'Welcome: Open Walkthrough...', { opensPicker: true });
                const picker = page.locator('.quick-input-widget');
                await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Chatflow Studio' }).first().click({ timeout: WAIT_MS });
                const steps = page.locator('.gettingStartedContainer .getting-started-step');
                const titles = await until('the walkthrough\'s steps', async () => {
                    const texts = await steps.locator('.step-title').allTextContents();
                    return texts.length >= 5 ? texts.map(t => t.trim()) : undefined;
                });
                assert.deepStrictEqual(titles, ['Open a flow', 'See the flow as a graph', 'Play a chat', 'Import chat logs', 'Read the numbers']);
                // Every step was done in steps 1-4, before the walkthrough was first opened: each shows ticked.
                const ids = ['openExample', 'preview', 'simulate', 'importLogs', 'analytics'];
                let ticked = [];
                await until('every step ticked', async () => {
                    ticked = await page.locator('.gettingStartedContainer [data-done-step-id][aria-checked="true"]')
                        .evaluateAll(elements => elements.map(element => element.getAttribute('data-done-step-id')));
                    return ids.every(id => ticked.some(done => done.endsWith(id))) ? true : undefined;
                }).catch(error => { throw new Error(`${error.message}; ticked: [${ticked.join(', ')}]`); });
                await shot('6-walkthrough');
            }
        },
        {
            name: '7. the Analytics panel says what to fix first: outcomes, the ranked list, segments side by side, paths; a path lights on the graph',
            async run({ page, shot }) {
                await focusEditor(page, 'clinic.chatflow');
                await runCommand(page, 'Chatflow: Open Analytics');
                const analytics = await webviewFrame(page, 'Analytics', '.outcome-chart');
                // The panel's whole width and height for its sections: no side bars, no Problems panel.
                await runCommand(page, 'View: Maximize Editor Group and Hide Side Bars');
                if (await page.locator('#workbench\\.parts\\.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
                const section = title => analytics.locator('section.card').filter({ has: analytics.locator('h2', { hasText: new RegExp(`^${title}$`) }) }).first();
                const bars = await analytics.locator('.outcome-chart rect.bar').count();
                assert.ok(bars > 0, 'the outcomes chart has bars');
                await shot('7a-outcomes', section('Outcomes'));
                const sensitive = analytics.locator('.fix-first .retries-note', { hasText: 'answers of this box are sensitive: only logged retries counted' });
                assert.ok(await sensitive.count() > 0, 'a sensitive input says its answers were not checked');
                await shot('7b-fix-first', section('Fix these first'));
                await analytics.locator('select[name="segment"]').selectOption('channel');
                const channels = await until('the channels side by side', async () => {
                    const values = await analytics.locator('table.segment-table thead th[data-value]').allTextContents();
                    return values.length >= 2 ? values : undefined;
                });
                assert.ok(channels.length >= 2, `segments by channel: ${channels.join(', ')}`);
                await shot('7c-segments', section('Segments'));
                await shot('7d-paths', section('Most taken paths'));
                // The most taken path that books an appointment, lit on the graph from its row.
                const booking = analytics.locator('ol.paths li.path').filter({ hasText: 'confirmed' }).first();
                const boxes = (await booking.getAttribute('data-path')).split(' ');
                await booking.locator('button.light-path').click();
                const preview = await webviewFrame(page, 'preview', '.cf-path-banner:not([hidden])');
                const banner = (await preview.locator('.cf-path-banner').textContent()) ?? '';
                assert.match(banner, /^Path: [\d,]+ chats · [\d.]+% converted — Clear$/);
                await preview.locator('[data-action="restart"]').click();
                // Room for the picture: no search left from step 2, no chat pane, the flow laid out left to right, fit.
                await preview.locator('.cf-search').fill('');
                await preview.locator('[data-action="toggle-chat"]').click();
                const draws = Number(await preview.locator('#chatflow-preview').getAttribute('data-draw-count'));
                await preview.locator('[data-action="direction"]').click();
                await until('the flow drawn left to right', async () => Number(await preview.locator('#chatflow-preview').getAttribute('data-draw-count')) > draws || undefined);
                await preview.locator('[data-action="fit"]').click();
                // Closer, around the middle of the path: its boxes readable, the branches beside it dimmed.
                for (let i = 0; i < 4; i++) await preview.locator('[data-action="zoom-in"]').click();
                const lit = await until('the path\'s boxes lit', async () => {
                    const ids = await preview.locator('svg g.box.on-path').evaluateAll(elements => elements.map(e => e.getAttribute('data-box')));
                    return ids.length === new Set(boxes).size ? ids : undefined;
                });
                assert.deepStrictEqual([...lit].sort(), [...new Set(boxes)].sort());
                await shot('7e-lit-path');
                await page.keyboard.press('Escape');
                await preview.locator('.cf-path-banner[hidden]').waitFor({ state: 'attached', timeout: WAIT_MS });
            }
        }
    ];
}
