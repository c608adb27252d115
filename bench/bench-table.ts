/**
 * The one bench table: every suite returns rows of this shape, `npm run bench` prints them as one
 * table and writes them to bench/results.json. Pure (no timing, no I/O): test/bench/bench-table.test.ts.
 */
import * as os from 'node:os';

export interface BenchRow {
    /** The suite that measured it: language, lsp, layout, import, queries, postgres. */
    suite: string;
    /** What was measured, e.g. "5,000 boxes: parse+link+validate, cold". */
    figure: string;
    /** The budget, as a reader sees it: "≤ 1,000 ms", "≤ 2× peer". */
    goal: string;
    /** The figure, in `unit`; undefined when it could not be measured (see `note`). */
    measured?: number;
    unit: string;
    /** The peer measured in the same process or script, and its figure: "parse only 550 ms". */
    peer: string;
    /** measured / peer's figure, when the peer has a comparable figure. */
    ratio?: number;
    /** Whether the goal is met; undefined when not measured. */
    met?: boolean;
    /** The 1-minute load average when the row was measured (2 cores shared: read figures with it). */
    load: number;
    note?: string;
}

export interface Machine {
    cpus: number;
    model: string;
    memoryGiB: number;
    node: string;
    platform: string;
}

export interface BenchResults {
    date: string;
    quick: boolean;
    machine: Machine;
    rows: BenchRow[];
    met: number;
    missed: number;
    unmeasured: number;
}

export function machine(): Machine {
    const cpus = os.cpus();
    return {
        cpus: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}`
    };
}

/** The current 1-minute load average, for a row measured now. */
export function loadNow(): number {
    return Math.round(os.loadavg()[0] * 100) / 100;
}

/** A row measured now: `met` from an upper bound on `measured` (or on `ratio` with `on: 'ratio'`). */
export function row(fields: Omit<BenchRow, 'met' | 'load'> & { atMost?: number; on?: 'measured' | 'ratio' }): BenchRow {
    const { atMost, on = 'measured', ...rest } = fields;
    const value = on === 'ratio' ? rest.ratio : rest.measured;
    const met = atMost === undefined || value === undefined || !Number.isFinite(value) ? undefined : value <= atMost;
    return { ...rest, met, load: loadNow() };
}

/** A row that could not be measured, with why. */
export function unmeasured(suite: string, figure: string, goal: string, unit: string, why: string): BenchRow {
    return { suite, figure, goal, unit, peer: '—', load: loadNow(), note: why };
}

export function results(rows: BenchRow[], quick: boolean, date = new Date(), onMachine = machine()): BenchResults {
    return {
        date: date.toISOString(), quick, machine: onMachine, rows,
        met: rows.filter(r => r.met === true).length,
        missed: rows.filter(r => r.met === false).length,
        unmeasured: rows.filter(r => r.met === undefined).length
    };
}

export function formatMeasured(value: number | undefined, unit: string): string {
    if (value === undefined || !Number.isFinite(value)) return '—';
    if (unit === 'ms' && value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
    const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
    return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`.trim();
}

function verdict(met: boolean | undefined): string {
    return met === undefined ? '—' : met ? 'met' : 'MISSED';
}

/** The table as Markdown (readable in a terminal, pasted as is into the README). */
export function formatTable(all: BenchResults): string {
    const m = all.machine;
    const lines = [
        `${all.quick ? 'Quick smoke (small sizes), ' : ''}${all.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
        '',
        '| suite | figure | goal | measured | peer in the same run | ratio | load | |',
        '|---|---|---|---:|---|---:|---:|---|'
    ];
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    for (const r of all.rows) {
        const ratio = r.ratio === undefined || !Number.isFinite(r.ratio) ? '—' : `${r.ratio.toFixed(2)}×`;
        const measured = r.measured === undefined && r.note ? `— (${r.note})` : formatMeasured(r.measured, r.unit);
        lines.push(`| ${cell(r.suite)} | ${cell(r.figure)} | ${cell(r.goal)} | ${cell(measured)} | ${cell(r.peer)} | ${ratio} | ${r.load.toFixed(2)} | ${verdict(r.met)} |`);
    }
    lines.push('', `${all.met} met, ${all.missed} missed, ${all.unmeasured} without a goal verdict. load = 1-minute load average when measured (2 cores, shared).`);
    const notes = all.rows.filter(r => r.note && r.measured !== undefined);
    for (const r of notes) lines.push(`- ${r.figure}: ${r.note}`);
    return lines.join('\n');
}
