import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, headless, with the flags this machine needs (see ENVIRONMENT.md). */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'
        ]
    });
}
