import * as vscode from 'vscode';

/** Names of the flows declared in the workspace's .chatflow files (`flow Name ...`), sorted. */
export async function flowNames(): Promise<string[]> {
    const names = new Set<string>();
    for (const uri of await vscode.workspace.findFiles('**/*.chatflow', '**/node_modules/**')) {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        for (const match of text.matchAll(/^\s*flow\s+([A-Za-z_][\w]*)/gm)) names.add(match[1]);
    }
    return [...names].sort();
}
