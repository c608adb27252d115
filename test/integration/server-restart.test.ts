import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node.js';
import { activateExtension, openInEditor, positionOf, workspaceUri } from './helpers.js';

/** The language server process this extension host started (a child running dist/server/main.cjs). */
function serverPid(): number | undefined {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).split('\n');
    const line = lines.find(l => l.includes('dist/server/main.cjs'));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('Language server crash', () => {
    it('restarts the server after it crashes, and the editor features answer again', async function () {
        this.timeout(60_000);
        const { client } = await activateExtension();
        const pid = serverPid();
        assert.ok(pid, 'no language server child process found for this extension host');
        const restarted = new Promise<void>(resolve => {
            const listener = client.onDidChangeState(event => {
                if (event.newState === State.Running) {
                    listener.dispose();
                    resolve();
                }
            });
        });
        process.kill(pid, 'SIGKILL');
        // Bounded, so a server that does not come back says what state the client is in.
        const waited = await Promise.race([restarted.then(() => true), new Promise<false>(resolve => setTimeout(() => resolve(false), 45_000))]);
        assert.ok(waited, `the client did not report Running within 45 s of the crash: state ${State[client.state]}, server process ${serverPid() ?? 'none'} (was ${pid})`);
        const newPid = serverPid();
        assert.ok(newPid && newPid !== pid, `expected a new server process, got ${newPid} (was ${pid})`);
        const { document } = await openInEditor(workspaceUri('clinic.chatflow'));
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '-> main_menu', 6));
        const text = hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
        assert.ok(text.includes('How can I help you today?'), `hover after the restart: ${JSON.stringify(text)}`);
    });
});
