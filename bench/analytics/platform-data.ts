/**
 * Benchmark data: each platform's export of the same kind of chats as its test fixture (the
 * fixture flows map them), and the canonical JSON Lines of exactly the events each import stores,
 * so the two imports can be compared on the same events. Files are written in a temp folder,
 * streamed, a chat at a time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { PlatformFormat } from '../../analytics/import/log-event.js';
import type { Canon, Chat } from './platform-chat-types.js';
import { botframework, dialogflow, lex } from './platform-chats-a.js';
import { botpress, ROUNDS_PER_TRANSCRIPT, voiceflow } from './platform-chats-b.js';

export interface PlatformData {
    format: PlatformFormat;
    /** The log: a file, or a folder (Voiceflow: a file per transcript). */
    log: string;
    canonical: string;
    flow: string;
    flowName: string;
    events: number;
    bytes: number;
}


const FIXTURES = 'test/fixtures/analytics/platforms';
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const PLATFORMS: Record<PlatformFormat, { chat: Chat; flow: string; flowName: string; file: string; array: boolean }> = {
    'botframework': { chat: botframework, flow: `${FIXTURES}/botframework/refill.chatflow`, flowName: 'Refill', file: 'bench.transcript', array: true },
    'dialogflow-cx': { chat: dialogflow, flow: `${FIXTURES}/dialogflow-cx/clinic.chatflow`, flowName: 'Clinic', file: 'bq-export.ndjson', array: false },
    'lex-v2': { chat: lex, flow: `${FIXTURES}/lex-v2/clinic.chatflow`, flowName: 'Clinic', file: '000000', array: false },
    'voiceflow': { chat: voiceflow, flow: `${FIXTURES}/voiceflow/dental.chatflow`, flowName: 'Support', file: 'transcripts', array: true },
    'botpress': { chat: botpress, flow: `${FIXTURES}/botpress/orders.chatflow`, flowName: 'Orders', file: 'messages.ndjson', array: false }
};

/** Writes a platform's log of at least `events` events and its canonical twin into `folder`. */
export async function writePlatformData(root: string, folder: string, format: PlatformFormat, events: number): Promise<PlatformData> {
    const spec = PLATFORMS[format];
    const log = path.join(folder, spec.file);
    const canonical = path.join(folder, `${format}.canonical.jsonl`);
    const canonOut = new Buffered(canonical);
    let out: Buffered | undefined;
    let written = 0;
    let bytes = 0;
    if (format === 'voiceflow') fs.mkdirSync(log, { recursive: true });
    const canon: Canon = (chat, ts, type, box, text) => canonOut.write(JSON.stringify({ chat, ts: iso(ts), flow: spec.flowName, version: '', box, type, ...(text ? { text } : {}) }) + '\n');
    for (let i = 0; written < events; i++) {
        if (!out || (format === 'voiceflow' && i % ROUNDS_PER_TRANSCRIPT === 0)) {
            if (out) bytes += await out.close(spec.array ? '\n]\n' : '');
            out = new Buffered(format === 'voiceflow' ? path.join(log, `vf-${i / ROUNDS_PER_TRANSCRIPT}.json`) : log);
            if (spec.array) out.write('[\n');
        }
        written += spec.chat(i, T0 + i * 60_000, text => out!.write(text), canon);
    }
    bytes += await out!.close(spec.array ? '\n]\n' : '');
    await canonOut.close('');
    let file = log;
    if (format === 'lex-v2') {
        // As S3 stores it.
        file = `${log}.gz`;
        await new Promise<void>((resolve, reject) => fs.createReadStream(log).pipe(zlib.createGzip()).pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject));
        fs.rmSync(log);
    }
    return { format, log: file, canonical, flow: path.join(root, spec.flow), flowName: spec.flowName, events: written, bytes };
}

/** Appends to a file through a 1 MB buffer, synchronously (the generator writes millions of small pieces, and must not queue them in memory). */
class Buffered {
    private readonly fd: number;
    private parts: string[] = [];
    private size = 0;
    private bytes = 0;

    constructor(file: string) {
        this.fd = fs.openSync(file, 'w');
    }

    write(text: string): void {
        this.parts.push(text);
        this.size += text.length;
        if (this.size > 1 << 20) this.flush();
    }

    async close(tail: string): Promise<number> {
        this.write(tail);
        this.flush();
        fs.closeSync(this.fd);
        return this.bytes;
    }

    private flush(): void {
        const chunk = Buffer.from(this.parts.join(''));
        this.bytes += chunk.length;
        fs.writeSync(this.fd, chunk);
        this.parts = [];
        this.size = 0;
    }
}
