// What a person does in VS Code (code-server in headless Chromium), as playwright-core calls:
// the command palette, quick open, typing, the Problems panel, webview frames, notifications.
// Every helper waits for what the person would wait for (something visible), never a fixed time.

/** Generous for a slow 2-core CI machine; a step fails when its visible result never shows. */
export const WAIT_MS = Number(process.env.CHATFLOW_E2E_WAIT_MS ?? 90_000);

/** Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function until(what, check, timeoutMs = WAIT_MS) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    while (Date.now() < deadline) {
        try {
            const value = await check();
            if (value) return value;
        } catch (error) {
            lastError = error;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

/** The workbench is up, with the Explorer showing the workspace's files. */
export async function waitForWorkbench(page, fileName) {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`).first().waitFor({ state: 'visible', timeout: WAIT_MS });
}

const quickInput = page => page.locator('.quick-input-widget');

/**
 * Presses `keys` and waits for the quick input to show; presses again only if it never showed
 * (a key pressed while the workbench was still busy can be lost). A second press on an open
 * quick input could move its selection, hence the wait in between.
 */
async function openQuickInput(page, keys, what) {
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press(keys);
        try {
            await quickInput(page).waitFor({ state: 'visible', timeout: 10_000 });
            return;
        } catch (error) {
            if (attempt * 10_000 >= WAIT_MS) throw new Error(`${keys} never opened ${what}: ${error.message}`);
        }
    }
}

/**
 * Types into the open quick input and picks the row whose label is exactly `label`; then waits
 * for the quick input to close, unless the pick opens another one (`closes: false`).
 */
async function pick(page, label, closes = true) {
    const input = quickInput(page).locator('input.input');
    await input.waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.keyboard.type(label);
    await until(`the row '${label}' in the quick input`, async () => {
        const rows = quickInput(page).locator('.quick-input-list .monaco-list-row');
        for (let i = 0; i < await rows.count(); i++) {
            const name = (await rows.nth(i).locator('.label-name').first().textContent().catch(() => ''))?.replace(/\s+/g, ' ').trim();
            if (name === label) {
                await rows.nth(i).click();
                return true;
            }
        }
        return false;
    });
    if (closes) await quickInput(page).waitFor({ state: 'hidden', timeout: WAIT_MS });
}

/**
 * F1, the command's title, a click on its row: as a person runs a command. `opensPicker`: the
 * command asks with a quick pick of its own, left open for the caller.
 */
export async function runCommand(page, title, { opensPicker = false } = {}) {
    await openQuickInput(page, 'F1', `the command palette for '${title}'`);
    await pick(page, title, !opensPicker);
}

/** Ctrl+P, the file name, its row: opens a workspace file in the editor. */
export async function quickOpen(page, fileName) {
    await openQuickInput(page, 'Control+P', 'quick open');
    await pick(page, fileName);
    await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** The editor showing `fileName`, focused (a click on its tab focuses its text). */
export async function focusEditor(page, fileName) {
    const tab = page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first();
    await until(`the editor of ${fileName} focused`, async () => {
        await tab.click();
        return page.locator('.editor-group-container.active .monaco-editor.focused').count();
    });
}

/** Ctrl+G, a line number, Enter: the cursor goes to that line (1-based). */
export async function goToLine(page, line) {
    await openQuickInput(page, 'Control+G', 'go to line');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await cursorOnLine(page, line);
}

/** The status bar's "Ln N, Col M". */
export async function cursorLine(page) {
    const text = await page.locator('#status\\.editor\\.selection').first().textContent({ timeout: WAIT_MS });
    const match = /Ln (\d+)/.exec(text ?? '');
    return match ? Number(match[1]) : undefined;
}

export async function cursorOnLine(page, line) {
    await until(`the cursor on line ${line} (status bar)`, async () => (await cursorLine(page)) === line);
}

/** The webview frame (the inner #active-frame of a webview iframe) that shows `selector`. */
export async function webviewFrame(page, what, selector) {
    return until(`the ${what} webview showing ${selector}`, async () => {
        for (const frame of page.frames()) {
            if (frame.name() !== 'active-frame' && !frame.url().includes('fake.html')) continue;
            if (await frame.locator(selector).count() > 0) return frame;
        }
        return undefined;
    });
}

/** A notification toast whose text matches `pattern`; returns its text. */
export async function notification(page, pattern) {
    return until(`a notification matching ${pattern}`, async () => {
        const toasts = page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item');
        for (let i = 0; i < await toasts.count(); i++) {
            const text = (await toasts.nth(i).textContent()) ?? '';
            if (pattern.test(text)) return text;
        }
        return undefined;
    });
}

/** Visible rows of the Problems panel, as text. */
export async function problemRows(page) {
    const rows = page.locator('.markers-panel .monaco-list-row');
    const texts = [];
    for (let i = 0; i < await rows.count(); i++) texts.push((await rows.nth(i).getAttribute('aria-label')) ?? (await rows.nth(i).textContent()) ?? '');
    return texts;
}
