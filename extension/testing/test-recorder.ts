import * as vscode from 'vscode';

/** One test's result as the Test Explorer shows it (returned to tests through the extension API). */
export interface TestResultSummary {
    id: string;
    label: string;
    state: 'passed' | 'failed' | 'errored' | 'skipped';
    message?: string;
    /** Where the message is shown: the failing step, or the document's first error. */
    location?: { uri: string; line: number };
}

/** Reports to a TestRun and keeps the same results as plain data. */
export class TestRecorder {
    readonly results: TestResultSummary[] = [];

    constructor(private readonly run: vscode.TestRun) {}

    enqueued(item: vscode.TestItem): void { this.run.enqueued(item); }
    started(item: vscode.TestItem): void { this.run.started(item); }
    passed(item: vscode.TestItem, duration: number): void {
        this.run.passed(item, duration);
        this.record(item, 'passed');
    }
    failed(item: vscode.TestItem, message: vscode.TestMessage, duration: number): void {
        this.run.failed(item, message, duration);
        this.record(item, 'failed', message);
    }
    errored(item: vscode.TestItem, messages: vscode.TestMessage[]): void {
        this.run.errored(item, messages);
        this.record(item, 'errored', messages[0]);
    }
    skipped(item: vscode.TestItem): void {
        this.run.skipped(item);
        this.record(item, 'skipped');
    }
    end(): void { this.run.end(); }

    private record(item: vscode.TestItem, state: TestResultSummary['state'], message?: vscode.TestMessage): void {
        const location = message?.location && { uri: message.location.uri.toString(), line: message.location.range.start.line };
        this.results.push({ id: item.id, label: item.label, state, message: message?.message.toString(), location });
    }
}
