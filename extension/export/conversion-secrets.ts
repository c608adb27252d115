import * as vscode from 'vscode';
import { PLATFORMS } from '../../server/protocol.js';

export type ConversionPlatform = keyof typeof PLATFORMS;

const key = (platform: ConversionPlatform, part: 'id' | 'secret') => `chatflow.export.${platform}.${part}`;

/**
 * "Chatflow: Set Conversion API Secret": asks for the platform, its id and its secret (or takes
 * them as arguments) and keeps both in VS Code's SecretStorage, never in settings or files.
 * An empty secret removes the stored one.
 */
export function registerSetSecretCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.setConversionSecret', async (platform?: ConversionPlatform, id?: string, secret?: string) => {
        platform ??= await pickPlatform('Which platform is the secret for?');
        if (!platform) return false;
        const names = PLATFORMS[platform];
        id ??= await vscode.window.showInputBox({ title: `${names.label}: ${names.idName}`, ignoreFocusOut: true, value: await context.secrets.get(key(platform, 'id')) ?? '' });
        if (id === undefined) return false;
        secret ??= await vscode.window.showInputBox({ title: `${names.label}: ${names.secretName}`, prompt: 'Kept in VS Code\'s secret storage; leave empty to remove it.', password: true, ignoreFocusOut: true });
        if (secret === undefined) return false;
        await context.secrets.store(key(platform, 'id'), id.trim());
        if (secret.trim() === '') await context.secrets.delete(key(platform, 'secret'));
        else await context.secrets.store(key(platform, 'secret'), secret.trim());
        output.info(`Conversion API ${secret.trim() === '' ? 'secret removed' : 'secret stored'} for ${platform}.`);
        return true;
    });
}

/** The environment variables the CLI reads, filled from SecretStorage (empty when not set). */
export async function secretEnvironment(context: vscode.ExtensionContext, platform: ConversionPlatform): Promise<Record<string, string>> {
    const names = PLATFORMS[platform];
    const env: Record<string, string> = {};
    const id = await context.secrets.get(key(platform, 'id'));
    const secret = await context.secrets.get(key(platform, 'secret'));
    if (id) env[names.idEnv] = id;
    if (secret) env[names.secretEnv] = secret;
    return env;
}

export async function pickPlatform(title: string): Promise<ConversionPlatform | undefined> {
    const picked = await vscode.window.showQuickPick(
        (Object.keys(PLATFORMS) as ConversionPlatform[]).map(platform => ({ label: PLATFORMS[platform].label, platform })), { title });
    return picked?.platform;
}
