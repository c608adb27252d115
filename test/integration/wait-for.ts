/** Waiting without sleeps: check now, on every event given, and on a short poll; fail with a reason. */
import * as vscode from 'vscode';

export interface WaitOptions {
    timeoutMs?: number;
    /** Events after which the probe is checked again at once. */
    events?: ReadonlyArray<vscode.Event<unknown>>;
    /** What the probe saw last, for the timeout message. */
    lastSeen?: () => unknown;
}

/** Resolves with the probe's first defined value. Polls every 50 ms (some state has no event). */
export function waitFor<T>(waitingFor: string, probe: () => T | undefined, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 20000;
    return new Promise((resolve, reject) => {
        const subscriptions: vscode.Disposable[] = [];
        const finish = (): void => {
            clearInterval(poll);
            clearTimeout(timer);
            subscriptions.forEach(s => s.dispose());
        };
        const check = (): void => {
            let value: T | undefined;
            try {
                value = probe();
            } catch (error) {
                finish();
                reject(error);
                return;
            }
            if (value === undefined) return;
            finish();
            resolve(value);
        };
        const poll = setInterval(check, 50);
        const timer = setTimeout(() => {
            finish();
            const last = options.lastSeen ? `; last seen: ${JSON.stringify(options.lastSeen())}` : '';
            reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${waitingFor}${last}`));
        }, timeoutMs);
        for (const event of options.events ?? []) subscriptions.push(event(check));
        check();
    });
}
