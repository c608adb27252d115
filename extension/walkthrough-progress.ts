import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlowClient } from './flow-client.js';

/** Walkthrough steps (package.json `walkthroughs`) that tick by a context key besides their command. */
export const WALKTHROUGH_STEPS = ['openExample', 'preview', 'importLogs', 'analytics'] as const;
export type WalkthroughStep = typeof WALKTHROUGH_STEPS[number];

const STATE_KEY = 'chatflow.walkthrough.done';
/** Flipped on every tab change and on activation; each step completes on `<step key> && tick` or `<step key> && !tick`. */
const TICK_KEY = 'chatflow.walkthrough.tick';
const PREVIEW_VIEW = 'chatflow.preview';
const ANALYTICS_VIEW = 'chatflow.analytics';

/** The context key a step's `onContext:` completion event waits for. */
export function contextKey(step: WalkthroughStep): string {
    return `chatflow.walkthrough.${step}`;
}

/**
 * Ticks the walkthrough's steps for what the user already did, also before the walkthrough was
 * ever opened: `onCommand:` completion events count only commands run while the walkthrough is
 * being watched, so a preview opened, logs imported (here, by the CLI or `npm run demo`) or the
 * Analytics panel opened earlier left its step unticked. What was done is remembered in the
 * global state and set as context keys on every activation.
 *
 * VS Code's walkthrough service (created only when a walkthrough is first shown) never ticks a
 * step whose `onContext:` expression already holds when it registers the step: it files the
 * event as seen without progressing the step. So each step has two expressions, the step's key
 * with `tick` and with `!tick`, and `tick` flips on every tab change (opening the walkthrough is
 * one): whichever held at registration, the other becomes true at the next flip and ticks the step.
 */
export class WalkthroughProgress implements vscode.Disposable {
    private readonly subscriptions: vscode.Disposable[];
    private tick = false;

    constructor(private readonly state: vscode.Memento, flows: FlowClient) {
        this.subscriptions = [
            vscode.window.tabGroups.onDidChangeTabs(() => { this.recordOpenPanels(); void this.flipTick(); }),
            vscode.window.onDidChangeActiveTextEditor(editor => this.recordOpenFlow(editor)),
            flows.onDidChangeAnalytics(change => { if (change.cause === 'import' || change.cause === 'outside') void this.record('importLogs'); })
        ];
    }

    /** On activation: the keys of what was done before, and what the workspace shows was done. */
    async restore(): Promise<void> {
        for (const step of this.done()) await vscode.commands.executeCommand('setContext', contextKey(step), true);
        this.recordOpenPanels();
        this.recordOpenFlow(vscode.window.activeTextEditor);
        if (localDatabaseExists()) await this.record('importLogs');
        await this.flipTick();
    }

    done(): WalkthroughStep[] {
        return this.state.get<WalkthroughStep[]>(STATE_KEY, []);
    }

    async record(step: WalkthroughStep): Promise<void> {
        const done = this.done();
        if (!done.includes(step)) await this.state.update(STATE_KEY, [...done, step]);
        await vscode.commands.executeCommand('setContext', contextKey(step), true);
    }

    private async flipTick(): Promise<void> {
        this.tick = !this.tick;
        await vscode.commands.executeCommand('setContext', TICK_KEY, this.tick);
    }

    private recordOpenFlow(editor: vscode.TextEditor | undefined): void {
        if (editor?.document.languageId === 'chatflow') void this.record('openExample');
    }

    private recordOpenPanels(): void {
        for (const tab of vscode.window.tabGroups.all.flatMap(group => group.tabs)) {
            if (!(tab.input instanceof vscode.TabInputWebview)) continue;
            // VS Code prefixes the view type of an extension's webview (`mainThreadWebview-chatflow.preview`).
            if (tab.input.viewType.endsWith(PREVIEW_VIEW)) void this.record('preview');
            if (tab.input.viewType.endsWith(ANALYTICS_VIEW)) void this.record('analytics');
        }
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
    }
}

/** Whether the workspace's SQLite analytics database exists (a server database is not looked at). */
function localDatabaseExists(): boolean {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) return false;
    const settings = vscode.workspace.getConfiguration('chatflow.analytics');
    const configured = settings.get<string>('database', '') || settings.get<string>('databasePath', '.chatflow/analytics.db');
    if (/^postgres(ql)?:\/\//.test(configured)) return false;
    return fs.existsSync(path.resolve(folder, configured || '.chatflow/analytics.db'));
}
