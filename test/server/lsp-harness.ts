/**
 * A small LSP client for tests and benchmarks: starts the BUNDLED language server
 * (`node dist/server/main.cjs --stdio`) as a child process and speaks LSP to it over stdio.
 *
 *     const server = await startServer(workspaceDir);
 *     server.open(uri, text);
 *     const diagnostics = await server.waitForDiagnostics(uri);
 *     const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position });
 *     await server.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
    InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader,
    StreamMessageWriter, type Diagnostic, type NotificationType, type ProtocolConnection, type RequestType
} from 'vscode-languageserver-protocol/node.js';

export const SERVER_BUNDLE = resolve('dist/server/main.cjs');

/** Every server started and not yet stopped: killed when the test process exits, whatever happened. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
});

export interface StartOptions {
    /** Milliseconds to wait for the `initialize` answer. */
    timeout?: number;
    /** The `chatflow` settings the client answers `workspace/configuration` with, e.g. `{ analytics: { database: url } }`. */
    settings?: Record<string, unknown>;
    /** Added to the server's environment (PGPASSWORD...). */
    env?: NodeJS.ProcessEnv;
}

export class LspServer {
    private readonly diagnostics = new Map<string, { diagnostics: Diagnostic[]; count: number }>();
    private readonly listeners = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    /** How many diagnostics of a document had arrived when it was last opened or changed. */
    private readonly countAtEdit = new Map<string, number>();
    private stderr = '';

    private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection, settings: Record<string, unknown> | null) {
        child.stderr!.on('data', chunk => { this.stderr += chunk.toString(); });
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            const previous = this.diagnostics.get(params.uri);
            this.diagnostics.set(params.uri, { diagnostics: params.diagnostics, count: (previous?.count ?? 0) + 1 });
            this.notify();
        });
        // The server may ask the client for things; answer like an editor without those features.
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => (item.section === 'chatflow' ? settings : null)));
    }

    /** Starts the bundled server on `workspaceDir` (a folder) and completes the LSP handshake. */
    static async start(workspaceDir: string, options: StartOptions = {}): Promise<LspServer> {
        if (!existsSync(SERVER_BUNDLE)) {
            throw new Error(`${SERVER_BUNDLE} is missing: build it with \`node scripts/build.mjs\` (\`npm test\` builds it before the tests).`);
        }
        const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
        running.add(child);
        child.once('exit', () => running.delete(child));
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const server = new LspServer(child, connection, options.settings ?? null);
        connection.listen();
        const rootUri = pathToFileURL(workspaceDir).toString();
        const exited = new Promise<never>((_, reject) => child.once('exit', code => reject(new Error(`The language server exited (code ${code}) during initialize:\n${server.stderr}`))));
        try {
            await withTimeout(Promise.race([connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                rootUri,
                workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
                capabilities: {
                    textDocument: {
                        hover: { contentFormat: ['markdown', 'plaintext'] },
                        completion: { completionItem: { snippetSupport: false } },
                        rename: { prepareSupport: true },
                        publishDiagnostics: { relatedInformation: true }
                    },
                    // Settings are asked for only when the test gives some; otherwise every setting has its default.
                    workspace: { workspaceFolders: true, configuration: options.settings !== undefined }
                }
            }), exited]), options.timeout ?? 15_000, 'initialize');
        } catch (error) {
            await server.stop();
            throw error;
        }
        exited.catch(() => undefined);
        await connection.sendNotification(InitializedNotification.type, {});
        return server;
    }

    /** The file URI of `name` inside `dir`, as the server knows it. */
    static uri(dir: string, name: string): string {
        return pathToFileURL(join(dir, name)).toString();
    }

    open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        this.countAtEdit.set(uri, this.diagnostics.get(uri)?.count ?? 0);
        return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'chatflow', version: 1, text } });
    }

    /** Replaces the whole text of an open document; returns the new version. */
    async change(uri: string, text: string): Promise<number> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        this.countAtEdit.set(uri, this.diagnostics.get(uri)?.count ?? 0);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        return version;
    }

    request<P, R>(type: RequestType<P, R, unknown>, params: P): Promise<R> {
        return this.connection.sendRequest(type, params);
    }

    /**
     * The latest diagnostics of `uri` published since the document was last opened or changed
     * through this client, once they satisfy `accept` (default: any).
     *
     * Langium publishes diagnostics without a version, and a build of an earlier text can still
     * report after a later change was sent: after several quick changes, pass an `accept` that only
     * the latest text satisfies (e.g. "no errors" after fixing one) before relying on the result.
     */
    waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeout = 15_000): Promise<Diagnostic[]> {
        const ok = (entry: { diagnostics: Diagnostic[]; count: number } | undefined) =>
            entry !== undefined && entry.count > (this.countAtEdit.get(uri) ?? 0) && accept(entry.diagnostics);
        return this.waitFor(() => {
            const entry = this.diagnostics.get(uri);
            return ok(entry) ? entry!.diagnostics : undefined;
        }, timeout, `diagnostics for ${uri}`);
    }

    /** The next notification of `type` whose params satisfy `accept`. */
    waitForNotification<P>(type: NotificationType<P>, accept: (params: P) => boolean = () => true, timeout = 15_000): Promise<P> {
        let received: P | undefined;
        const disposable = this.connection.onNotification(type, params => {
            if (received === undefined && accept(params)) {
                received = params;
                this.notify();
            }
        });
        return this.waitFor(() => received, timeout, `notification ${type.method}`).finally(() => disposable.dispose());
    }

    /** Shuts the server down politely, then kills it if it has not exited within two seconds. */
    async stop(): Promise<void> {
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise<void>(done => this.child.once('exit', () => done()));
            try {
                await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2_000, 'shutdown');
                await this.connection.sendNotification(ExitNotification.type);
            } catch {
                // The server is hung or gone: it is killed below either way.
            }
            await withTimeout(exited, 2_000, 'exit').catch(() => {
                this.child.kill('SIGKILL');
            });
        }
        this.connection.dispose();
        running.delete(this.child);
    }

    /** Whether the server process has exited (crashed, unless stop() was called). */
    get exited(): boolean {
        return this.child.exitCode !== null || this.child.signalCode !== null;
    }

    /** What the server wrote to stderr, for failure messages. */
    get log(): string {
        return this.stderr;
    }

    private notify(): void {
        for (const listener of [...this.listeners]) listener();
    }

    private waitFor<T>(check: () => T | undefined, timeout: number, what: string): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const listener = () => {
                const value = check();
                if (value === undefined) return;
                cleanup();
                resolve(value);
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`Timed out after ${timeout} ms waiting for ${what}. Server stderr:\n${this.stderr || '(empty)'}`));
            }, timeout);
            const cleanup = () => {
                clearTimeout(timer);
                this.listeners.delete(listener);
            };
            this.listeners.add(listener);
            listener();
        });
    }
}

/** Starts the bundled server on `workspaceDir`. */
export function startServer(workspaceDir: string, options?: StartOptions): Promise<LspServer> {
    return LspServer.start(workspaceDir, options);
}

/** A fresh temporary copy of `source` (e.g. `examples`), removed by the returned `remove()`. */
export function copyWorkspace(source: string): { dir: string; remove(): void } {
    const dir = mkdtempSync(join(tmpdir(), 'chatflow-lsp-'));
    cpSync(resolve(source), dir, { recursive: true });
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
        promise,
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms); })
    ]).finally(() => clearTimeout(timer));
}
