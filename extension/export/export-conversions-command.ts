import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPostgresUrl, PLATFORMS, type ExportFailure, type ExportResult } from '../../server/protocol.js';
import { configuredDatabase, storedDatabasePassword } from '../database/database-password.js';
import { pickPlatform, secretEnvironment, type ConversionPlatform } from './conversion-secrets.js';

export interface ExportConversionsOptions {
    /** The .chatflow files or folders with the track blocks; default: the first workspace folder. */
    flows?: string[];
    /** Send to this endpoint instead of a dry run. */
    send?: boolean;
    endpoint?: string;
    /** The payload file (dry run default: .chatflow/export-<platform>.json in the workspace). */
    out?: string;
}

/** What the command did: the CLI's exit code and its typed JSON answer (`result`, or `error` when it refused or failed). */
export interface ExportConversionsResult { exitCode: number; result?: ExportResult; error?: string; stderr: string }

/**
 * "Chatflow: Export Conversions…": runs `chatflow export --format json` (the bundled CLI, the
 * same code as on the command line, in a process of its own: the one place that may connect)
 * for the workspace's database, and reads its typed JSON answer. A dry run writes the payload file; sending
 * asks for the endpoint and passes the id and secret from SecretStorage in the child's
 * environment only. The CLI appends every attempt to the database's export audit log.
 */
export function registerExportCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.exportConversions', async (platform?: ConversionPlatform, options?: ExportConversionsOptions) => {
        platform ??= await pickPlatform('Export conversions to');
        if (!platform) return undefined;
        options ??= await askOptions(platform);
        if (!options) return undefined;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        if (!folder && !options.flows) {
            void vscode.window.showErrorMessage('Export Conversions needs an open folder with .chatflow files and an analytics database.');
            return undefined;
        }
        const cwd = folder ?? path.dirname(options.flows![0]);
        const args = ['export', platform, ...(options.flows ?? [cwd]), '--format', 'json'];
        // Without a setting the CLI takes its own default database, relative to the folder it runs in.
        const db = configuredDatabase();
        if (db) args.push('--db', isPostgresUrl(db) ? db : path.resolve(cwd, db));
        if (options.out) args.push('--out', options.out);
        // Days in the zone the Analytics panel counts in; ids keyed by the salt the 'hash' policy uses.
        const timeZone = vscode.workspace.getConfiguration('chatflow.analytics').get<string>('timeZone');
        if (timeZone) args.push('--time-zone', timeZone);
        const saltFile = vscode.workspace.getConfiguration('chatflow.privacy').get<string>('saltFile');
        if (saltFile) args.push('--salt-file', saltFile);
        const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
        const password = await storedDatabasePassword(context);
        if (password) env.PGPASSWORD = password;
        // Credentials from a parent environment must not be sent by mistake: only SecretStorage's count.
        for (const names of Object.values(PLATFORMS)) { delete env[names.idEnv]; delete env[names.secretEnv]; }
        if (options.send) {
            args.push('--send', '--endpoint', options.endpoint ?? PLATFORMS[platform].endpoint);
            Object.assign(env, await secretEnvironment(context, platform));
        }
        output.info(`chatflow ${args.filter(a => a !== cwd).join(' ')}`);
        const run = await runCli(context.asAbsolutePath(path.join('dist', 'cli', 'main.cjs')), args, cwd, env);
        if (run.stderr) output.warn(run.stderr.trim());
        const answer = parseAnswer(run.stdout);
        const result: ExportConversionsResult = { exitCode: run.exitCode, stderr: run.stderr, ...answer };
        if (result.result) {
            output.info(result.result.summary);
            const { summary, warnings } = result.result;
            if (warnings.length > 0) void vscode.window.showWarningMessage(`${summary} ${warnings.join(' ')}`);
            else void vscode.window.showInformationMessage(summary);
        } else {
            // Not a JSON answer: the command line itself was refused (its one line is on stderr).
            const message = result.error ?? run.stderr.trim().split('\n')[0]?.replace(/^chatflow: /, '');
            void vscode.window.showErrorMessage(message ? `Export failed: ${message}` : `chatflow export failed (exit code ${run.exitCode}); see the Chatflow output.`);
        }
        return result;
    });
}

async function askOptions(platform: ConversionPlatform): Promise<ExportConversionsOptions | undefined> {
    const mode = await vscode.window.showQuickPick([
        { label: 'Dry run', description: 'write the payload file, send nothing', send: false },
        { label: 'Send', description: `to ${PLATFORMS[platform].label}, with the secret from 'Set Conversion API Secret'`, send: true }
    ], { title: `Export conversions to ${PLATFORMS[platform].label}` });
    if (!mode) return undefined;
    if (!mode.send) return { send: false };
    const endpoint = await vscode.window.showInputBox({ title: 'Endpoint', value: PLATFORMS[platform].endpoint, ignoreFocusOut: true });
    return endpoint ? { send: true, endpoint } : undefined;
}

function parseAnswer(stdout: string): { result?: ExportResult; error?: string } {
    if (stdout.trim() === '') return {};
    const answer = JSON.parse(stdout) as ExportResult | ExportFailure;
    return 'error' in answer ? { error: answer.error } : { result: answer };
}

function runCli(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', code => resolve({ exitCode: code ?? 1, stdout, stderr }));
    });
}
