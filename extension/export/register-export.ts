import type * as vscode from 'vscode';
import { registerSetSecretCommand } from './conversion-secrets.js';
import { registerExportCommand } from './export-conversions-command.js';

/** The conversion export commands: "Set Conversion API Secret" and "Export Conversions…". */
export function registerConversionExport(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
    context.subscriptions.push(registerSetSecretCommand(context, output), registerExportCommand(context, output));
}
