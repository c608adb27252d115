/**
 * Benchmark: importing each platform's export of ~1,000,000 events (Bot Framework .transcript,
 * Dialogflow CX BigQuery JSON Lines, Lex V2 CloudWatch export gzip, a folder of Voiceflow dialogs,
 * Botpress messages) against the canonical JSON Lines importer on the same events, each import
 * in a child process into a fresh SQLite file: wall and CPU time, peak RSS (bounded memory: the
 * peak does not grow with the file; run with --events 250000 to compare), and the ratio to the
 * canonical import. Files are generated in a temp folder and removed afterwards.
 *
 * `--heap MB` caps each import's V8 heap (--max-old-space-size): the imports still finish with
 * a cap far below the file's size when memory is bounded, whatever the peak RSS V8's lazy
 * collection shows without one.
 *
 * Usage: npm run bench:platforms [-- --events N] [-- --only botframework,lex-v2] [-- --heap 160]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORM_FORMATS, type PlatformFormat } from '../../analytics/import/log-event.js';
import { writePlatformData, type PlatformData } from './platform-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
};
const EVENTS = Number(arg('--events') ?? 1_000_000);
const ONLY = (arg('--only')?.split(',') ?? PLATFORM_FORMATS) as PlatformFormat[];
const HEAP = arg('--heap');

interface Run { wallMs: number; cpuMs: number; peakRssMb: number; read: number; imported: number; malformed: number; unmatched: number }

function importOnce(log: string, format: string, data: PlatformData, db: string): Run {
    const child = spawnSync(process.execPath, [...(HEAP ? [`--max-old-space-size=${HEAP}`] : []), '--import', 'tsx', path.join(root, 'bench/analytics/platform-import.ts'), log, format, data.flow, data.flowName, db],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`import of ${log} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
}

async function main(): Promise<void> {
    const load = () => os.loadavg().map(l => l.toFixed(2)).join(' ');
    console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load()}; node ${process.version}; ${EVENTS.toLocaleString('en-US')} events per platform${HEAP ? `; each import's heap capped at ${HEAP} MB` : ''}`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-bench-platforms-'));
    const mb = (n: number) => `${n.toFixed(0).padStart(5)} MB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
    try {
        console.log(`\n${'format'.padEnd(14)} ${'log size'.padStart(9)} ${'events'.padStart(10)}  ${'wall'.padStart(8)} ${'cpu'.padStart(8)} ${'peak RSS'.padStart(9)}  | canonical JSONL: ${'wall'.padStart(8)} ${'peak RSS'.padStart(9)}  | ratio wall  cpu`);
        for (const format of ONLY) {
            const folder = path.join(work, format);
            fs.mkdirSync(folder);
            const data = await writePlatformData(root, folder, format, EVENTS);
            const platform = importOnce(data.log, format, data, path.join(folder, 'platform.db'));
            const canonical = importOnce(data.canonical, 'jsonl', data, path.join(folder, 'canonical.db'));
            if (platform.imported !== canonical.imported) console.log(`  (${format}: ${platform.imported} events stored against ${canonical.imported} from the canonical twin)`);
            console.log(`${format.padEnd(14)} ${mb(data.bytes / 2 ** 20)} ${platform.imported.toLocaleString('en-US').padStart(10)}  ${s(platform.wallMs)} ${s(platform.cpuMs)} ${mb(platform.peakRssMb)}  |                  ${s(canonical.wallMs)} ${mb(canonical.peakRssMb)}  | ${(platform.wallMs / canonical.wallMs).toFixed(2).padStart(5)}x ${(platform.cpuMs / canonical.cpuMs).toFixed(2).padStart(5)}x`);
            fs.rmSync(folder, { recursive: true, force: true });
        }
        console.log(`\nload average at the end: ${load()}`);
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
