import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type BaseLanguageClient, type Middleware } from 'vscode-languageclient/node.js';
import { restrictKeep, type PolicyLevels } from './workspace-keep.js';

function policyLevels(scopeUri?: string): PolicyLevels | undefined {
    return vscode.workspace.getConfiguration('chatflow', scopeUri ? vscode.Uri.parse(scopeUri) : undefined).inspect('privacy.policy');
}

/**
 * Applies workspace-keep.ts to the settings the language server gets, both ways it gets them:
 * pulled (`workspace/configuration`, at start) and pushed (`didChangeConfiguration`, on every
 * change: Langium keeps the pushed `chatflow` section).
 */
export function workspaceKeepMiddleware(client: () => BaseLanguageClient | undefined): Middleware {
    return {
        workspace: {
            configuration: async (params, token, next) => {
                const values = await next(params, token);
                if (!Array.isArray(values)) return values;
                return values.map((value, i) => restrictKeep(params.items[i]?.section, value, () => policyLevels(params.items[i]?.scopeUri)));
            },
            didChangeConfiguration: async (sections, next) => {
                const target = client();
                if (!target || !sections || sections.some(s => s.includes('.'))) return next(sections);
                // What the client would push (the sections as plain JSON), with the rule applied.
                const settings = Object.fromEntries(sections.map(section => {
                    const value: unknown = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration().get(section) ?? null));
                    return [section, restrictKeep(section, value, () => policyLevels())];
                }));
                await target.sendNotification(DidChangeConfigurationNotification.type, { settings });
            }
        }
    };
}
