import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import type { MetricStore } from '../../../analytics/metric-store.js';
import { FIXTURES, graphsOf, tempFolder, type TempFolder } from '../helpers.js';

export const PLATFORMS = path.join(FIXTURES, 'platforms');

/** A platform fixture's file. */
export function platformFixture(platform: string, ...name: string[]): string {
    return path.join(PLATFORMS, platform, ...name);
}

/**
 * Mocha hooks for a platform's suite: the FlowContext of its fixture flow, built once, and a
 * fresh temp folder per test.
 */
export function platformSuite(platform: string, flow = 'clinic.chatflow'): { context: FlowContext; temp: TempFolder } {
    const suite = {} as { context: FlowContext; temp: TempFolder };
    before(async function () {
        this.timeout(60_000);
        suite.context = new FlowContext(await graphsOf(platformFixture(platform, flow)));
    });
    beforeEach(() => {
        suite.temp = tempFolder();
    });
    afterEach(() => suite.temp.cleanup());
    return suite;
}

/** A chat's events as `type box` lines (`retry Insurance Check` for a step no box has), with the text where asked. */
export async function chatEvents(store: MetricStore, chat: string, withText = false): Promise<string[]> {
    return (await store.transcript(chat)).map(e => [e.type, e.box, withText && e.text !== undefined ? `"${e.text}"` : ''].filter(part => part !== '').join(' '));
}

/** Box -> chats that entered it, for the boxes with any. */
export async function visitsByBox(store: MetricStore, context: FlowContext): Promise<Record<string, number>> {
    return Object.fromEntries((await store.visits(context)).filter(v => v.chats > 0).map(v => [v.box, v.chats]));
}
