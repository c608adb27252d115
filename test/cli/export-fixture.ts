import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CLI, ROOT } from './run-cli.js';

/** The clinic example with its conversions tracked for GA4 and Meta, as a marketing team would write it. */
export const TRACKS = `
    track appointment {
        ga4 "generate_lead" { value: 1, currency: "USD", flow_version: flow.version }
        meta "Schedule" { value: 1, currency: "USD" }
    }

    track callback_requested {
        ga4 "request_callback" { }
        meta "Contact" { }
    }
`;

/** Writes the tracked clinic flow into `folder` (with `tracks` in place of the default ones) and returns its path. */
export function writeTrackedClinic(folder: string, tracks = TRACKS): string {
    const clinic = fs.readFileSync(path.join(ROOT, 'examples/clinic.chatflow'), 'utf8');
    const end = clinic.lastIndexOf('}');
    const file = path.join(folder, 'clinic.chatflow');
    fs.writeFileSync(file, `${clinic.slice(0, end)}${tracks}}\n`);
    return file;
}

/** Imports the clinic's November logs into `db` with the CLI. */
export function importClinicLogs(flowFile: string, db: string): void {
    const result = spawnSync(process.execPath, [CLI, 'import', 'examples/logs/clinic-2026-11.jsonl', '--flow', flowFile, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
}

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** Runs the CLI without blocking this process (so a server in this process can answer it). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, preload?: string): Promise<CliRun> {
    const node = preload ? ['--require', preload] : [];
    // The salt the export keys its ids with lives under XDG_CONFIG_HOME: the test's, never the user's.
    const child = spawn(process.execPath, [...node, CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => { stdout += chunk; });
    child.stderr.on('data', chunk => { stderr += chunk; });
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', status => resolve({ status, stdout, stderr }));
    });
}

export interface Received { method: string; path: string; query: Record<string, string>; headers: http.IncomingHttpHeaders; body: unknown }

/** A stand-in for the GA4 / Meta endpoint on 127.0.0.1 that records every request and answers `status`. */
export async function fakeEndpoint(status = 204): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
    const received: Received[] = [];
    const server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', chunk => chunks.push(chunk));
        request.on('end', () => {
            const url = new URL(request.url ?? '/', 'http://127.0.0.1');
            received.push({
                method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams),
                headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8'))
            });
            response.statusCode = status;
            response.end(status >= 400 ? '{"error":{"message":"Invalid OAuth access token."}}' : '');
        });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise(resolve => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 nothing listens on (the endpoint is down). */
export async function closedPort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>(resolve => server.close(() => resolve()));
    return port;
}
