import * as http from 'node:http';
import * as https from 'node:https';
import type { TrackPlatform } from '../../language/flow-model.js';
import { ExportError } from './export-error.js';
import { PLATFORMS } from './platforms.js';

export interface Credentials { id: string; secret: string }

export function credentialsFrom(platform: TrackPlatform, env: NodeJS.ProcessEnv): Credentials {
    const names = PLATFORMS[platform];
    const id = env[names.idEnv]?.trim();
    const secret = env[names.secretEnv]?.trim();
    if (!secret) throw new ExportError(`sending to ${platform} needs the ${names.secretName} in the environment variable ${names.secretEnv} (in VS Code: 'Chatflow: Set Conversion API Secret'). It is never read from workspace files.`);
    if (!id) throw new ExportError(`sending to ${platform} needs the ${names.idName} in the environment variable ${names.idEnv}.`);
    return { id, secret };
}

/** The configured endpoint, checked: http(s) only. */
export function parseEndpoint(endpoint: string): URL {
    // Messages (and so the audit log) never repeat a query: it could hold a secret typed by mistake.
    const shown = endpoint.split('?')[0];
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new ExportError(`--endpoint '${shown}' is not a URL. Pass e.g. https://www.google-analytics.com/mp/collect or https://graph.facebook.com/v21.0.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ExportError(`--endpoint '${shown}' must be an http(s) URL.`);
    if (url.search !== '' || url.username !== '' || url.password !== '') {
        throw new ExportError(`--endpoint '${shownUrl(url)}' must not carry a query or credentials: secrets come from environment variables.`);
    }
    return url;
}

/**
 * The request URL: GA4 `<endpoint>?measurement_id=..&api_secret=..`; Meta
 * `<endpoint>/<pixel id>/events?access_token=..`.
 */
export function requestUrl(platform: TrackPlatform, endpoint: URL, credentials: Credentials): URL {
    const url = new URL(endpoint.toString());
    if (platform === 'ga4') {
        url.searchParams.set('measurement_id', credentials.id);
        url.searchParams.set('api_secret', credentials.secret);
    } else {
        url.pathname = `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(credentials.id)}/events`;
        url.searchParams.set('access_token', credentials.secret);
    }
    return url;
}

/** The endpoint as the audit log and messages show it: no query, so never a secret. */
export function shownUrl(url: URL): string {
    return `${url.origin}${url.pathname}`;
}

/** POSTs one JSON body; resolves on a 2xx answer, throws an ExportError saying what happened otherwise. */
export function postJson(url: URL, body: unknown, timeoutMs = 15000): Promise<void> {
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
        const request = client.request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': data.length, 'user-agent': 'chatflow-studio' },
            timeout: timeoutMs
        }, response => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
                const status = response.statusCode ?? 0;
                if (status >= 200 && status < 300) resolve();
                else reject(new ExportError(`${shownUrl(url)} answered HTTP ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
            });
            response.on('error', error => reject(new ExportError(`${shownUrl(url)}: the answer broke off (${error.message}).`)));
        });
        request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
        request.on('error', (error: NodeJS.ErrnoException) => reject(new ExportError(
            `could not reach ${shownUrl(url)} (${error.code ?? error.message}). Check --endpoint and the network.`)));
        request.end(data);
    });
}
