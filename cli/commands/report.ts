import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyticsFilter, SegmentBy } from '../../analytics/model.js';
import { parseSegmentBy, SegmentError } from '../../analytics/metrics/segment-sql.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { scopeOf } from '../../analytics/metrics/scope.js';
import { buildReport, type ReportData } from '../../analytics/report/report-data.js';
import { reportHtml } from '../../analytics/report/report-html.js';
import { reportTable } from '../../analytics/report/report-table.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import { REPORT_HELP } from '../help.js';
import type { CommandIO } from './io.js';
import { openCliStore, shownStore, storeLocation } from '../store-args.js';
import { loadFlowGraphs } from './import.js';

const FORMATS = { table: reportTable, json: (report: ReportData) => JSON.stringify(report, null, 2), html: reportHtml } as const;

export const reportSpec: CommandSpec = {
    name: 'report',
    options: {
        'db': 'any', 'from': 'any', 'to': 'any', 'version': 'any', 'time-zone': 'any', 'timeout': 'any',
        'format': Object.keys(FORMATS), 'out': 'any', 'fail-on-srm': 'flag', 'segment': 'any', 'help': 'flag'
    }
};

/** `chatflow report <flow files> [--db] [--from] [--to] [--version] [--time-zone] [--timeout] [--segment by] [--format table|json|html] [--out file]` */
export async function reportCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, reportSpec);
    if (options.help) {
        io.out(REPORT_HELP);
        return ExitCode.Ok;
    }
    const filter = filterOf(options);
    const segment = segmentOf(options.segment);
    const location = storeLocation(options, io.cwd);
    if (positionals.length === 0) throw new UsageError('report needs the .chatflow files or folders to report on, e.g. chatflow report examples');
    const graphs = await loadFlowGraphs(positionals, io);
    if (!graphs) return ExitCode.Problems;
    const store = await openCliStore(location, 'existing', io.cwd);
    let report: ReportData;
    try {
        report = await buildReport(store, graphs, filter, shownStore(location, io.cwd), segment);
    } catch (error) {
        if (error instanceof AnalyticsError) throw new UsageError(error.message);
        if (error instanceof SegmentError) throw new UsageError(`--segment: ${error.message}.`);
        throw error;
    } finally {
        await store.close();
    }
    const text = FORMATS[(options.format ?? 'table') as keyof typeof FORMATS](report);
    if (typeof options.out === 'string') {
        const out = path.resolve(io.cwd, options.out);
        try {
            fs.writeFileSync(out, text.endsWith('\n') ? text : `${text}\n`);
        } catch (error) {
            throw new UsageError(`cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check that its folder exists and is writable.`);
        }
        io.err(`wrote ${displayPath(out, io.cwd)}`);
    } else {
        io.out(text.replace(/\n$/, ''));
    }
    // In CI: an experiment whose arms did not get the shares their weights promise fails the job.
    const mismatched = report.flows.flatMap(flow => flow.experiments).filter(experiment => experiment.srm.mismatch);
    if (options['fail-on-srm'] && mismatched.length > 0) {
        for (const experiment of mismatched) {
            io.err(`chatflow: sample ratio mismatch in ${experiment.split}: chats per arm ${experiment.arms.map(a => `${a.arm} ${a.chats}`).join(', ')} against weights ${experiment.arms.map(a => a.weight).join('/')} (chi-square p = ${experiment.srm.pValue.toExponential(2)} < 0.001). Check how the bot assigns arms and logs them.`);
        }
        return ExitCode.Problems;
    }
    return ExitCode.Ok;
}

function segmentOf(value: string | true | undefined): SegmentBy | undefined {
    if (value === undefined) return undefined;
    try {
        return parseSegmentBy(value === true ? '' : value);
    } catch (error) {
        if (error instanceof SegmentError) throw new UsageError(`--segment: ${error.message}.`);
        throw error;
    }
}

function filterOf(options: Record<string, string | true>): AnalyticsFilter {
    const value = (name: string) => (typeof options[name] === 'string' ? options[name] as string : undefined);
    const timeout = value('timeout');
    const filter: AnalyticsFilter = {
        from: value('from'), to: value('to'), version: value('version'), timeZone: value('time-zone'),
        inactivityMinutes: timeout === undefined ? undefined : Number(timeout)
    };
    try {
        scopeOf(filter);
    } catch (error) {
        if (error instanceof RangeError) throw new UsageError(`${error.message}.`);
        throw error;
    }
    return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AnalyticsFilter;
}
