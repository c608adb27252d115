// Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with headless Debian
// chromium. Run after editing the SVG: node scripts/render-icon.mjs. The PNG is committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from './code-server.mjs';

const svg = readFileSync(join(projectRoot, 'media', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: join(projectRoot, 'media', 'icon.png'), omitBackground: true });
    console.log('[render-icon] media/icon.png');
} finally {
    await browser.close();
}
