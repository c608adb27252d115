import * as vscode from 'vscode';
import { isPostgresUrl, withoutPassword } from '../../server/protocol.js';

/** The database the settings name (`chatflow.analytics.database`, else the older `databasePath`). */
export function configuredDatabase(): string {
    const settings = vscode.workspace.getConfiguration('chatflow.analytics');
    return [settings.get<string>('database'), settings.get<string>('databasePath')].find(value => value !== undefined && value.trim() !== '')?.trim() ?? '';
}

/** SecretStorage key of a server's password: the URL without any password it carries. */
function secretKey(url: string): string {
    return `chatflow.database.password:${withoutPassword(url)}`;
}

/** The password stored for the configured PostgreSQL database, if any (none for a SQLite file). */
export async function storedDatabasePassword(context: vscode.ExtensionContext): Promise<string | undefined> {
    const database = configuredDatabase();
    return isPostgresUrl(database) ? context.secrets.get(secretKey(database)) : undefined;
}

/**
 * "Chatflow: Set Database Password": keeps the password of the configured PostgreSQL database in
 * VS Code's SecretStorage (never in settings), then restarts the language server, which gets it
 * in its environment (PGPASSWORD) and nowhere else. An empty password removes the stored one.
 */
export function registerDatabasePasswordCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, restart: () => Promise<void>): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.setDatabasePassword', async (password?: string) => {
        const database = configuredDatabase();
        if (!isPostgresUrl(database)) {
            void vscode.window.showInformationMessage('The analytics database is a SQLite file, which needs no password. Set chatflow.analytics.database to a postgres:// URL to use a team server.');
            return false;
        }
        password ??= await vscode.window.showInputBox({
            title: `Password for ${withoutPassword(database)}`, password: true, ignoreFocusOut: true,
            prompt: 'Kept in VS Code\'s secret storage, given to the Chatflow language server only. Leave empty to remove it.'
        });
        if (password === undefined) return false;
        if (password === '') await context.secrets.delete(secretKey(database));
        else await context.secrets.store(secretKey(database), password);
        output.info(`${password === '' ? 'Removed' : 'Stored'} the password of ${withoutPassword(database)}; restarting the language server.`);
        await restart();
        return true;
    });
}
