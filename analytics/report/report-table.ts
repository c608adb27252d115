import { experimentInWords } from '../experiments/experiment-words.js';
import { durationsInWords, outcomesInWords, problemInWords, segmentInWords } from './insight-words.js';
import { comparisonInWords, percent, topDropOuts, type ReportData } from './report-data.js';

/** The report as plain text: one table of boxes per flow, conversions, funnels, versions. */
export function reportTable(report: ReportData): string {
    const out: string[] = [];
    const { overview } = report;
    out.push(`Chatflow analytics: ${report.database}`);
    out.push(`${overview.events.toLocaleString('en-US')} events, ${overview.chats.toLocaleString('en-US')} chats${overview.first ? `, ${overview.first.slice(0, 10)} to ${overview.last!.slice(0, 10)}` : ''}${filterText(report)}`);
    for (const flow of report.flows) {
        const goals = [...new Set(flow.boxes.flatMap(b => Object.keys(b.conversions)))];
        out.push('', `== ${flow.flow}${flow.label ? ` (${flow.label})` : ''} ==`);
        const rows = flow.boxes.map(b => [b.label, b.kind, String(b.visits), String(b.dropOuts), b.visits === 0 ? '-' : percent(b.dropOutRate), ...goals.map(g => String(b.conversions[g] ?? 0))]);
        out.push(...table(['box', 'kind', 'chats', 'dropped', 'rate', ...goals.map(g => `→ ${g}`)], rows));
        out.push('', `Outcomes: ${outcomesInWords(flow)}`);
        const top = topDropOuts(flow);
        if (top.length > 0) out.push('', `Top drop-outs: ${top.map(b => `${b.label} ${b.dropOuts} (${percent(b.dropOutRate)})`).join(', ')}`);
        if (flow.fixFirst.length > 0) {
            out.push('', 'Fix these first:');
            flow.fixFirst.slice(0, 10).forEach((row, i) => out.push(`  ${i + 1}. ${problemInWords(row)}`));
        }
        if (flow.paths.length > 0) {
            out.push('', 'Most taken complete paths:');
            for (const p of flow.paths) out.push(`  ${p.chats} chats, ${percent(p.rate)} converted: ${p.boxes.map(b => b.split('.').pop()).join(' > ')}`);
        }
        for (const time of flow.timeToConvert) if (time.n > 0) out.push('', `Time to ${time.goal}: ${durationsInWords(time)}`);
        for (const goal of flow.conversions) {
            out.push('', `Conversions: ${goal.goal}: ${goal.chats} chats`);
            if (goal.days.length > 0) out.push(`  ${goal.days.map(d => `${d.day.slice(5)} ${d.chats}`).join(', ')}`);
        }
        for (const funnel of flow.funnels) {
            if (funnel.steps.length === 0) continue;
            const first = funnel.steps[0].chats;
            out.push('', `Funnel to ${funnel.goal} (${funnel.path} path):`);
            out.push(...table(['step', 'chats', 'of first'], funnel.steps.map(s => [s.box.split('.').pop()!, String(s.chats), first === 0 ? '-' : percent(s.chats / first)])));
        }
        if (flow.versions) {
            out.push('', `Versions ${flow.versions.a} vs ${flow.versions.b}:`);
            for (const comparison of flow.versions.goals) out.push(`  ${comparisonInWords(comparison)}`);
        }
        if (flow.segments) {
            out.push('', 'Segments:');
            for (const segment of flow.segments) out.push(`  ${segmentInWords(segment)}`);
        }
        for (const experiment of flow.experiments) {
            out.push('', `Experiment ${experiment.split.split('.').pop()}${experiment.measure ? ` on ${experiment.measure}` : ''}: ${experiment.chats} chats${experiment.stopAt ? ` of ${experiment.stopAt}` : ''}`);
            for (const line of experimentInWords(experiment)) out.push(`  ${line}`);
        }
    }
    return out.join('\n');
}

export function filterText(report: ReportData): string {
    const { from, to, version, timeZone } = report.filter;
    const parts = [from && `from ${from}`, to && `to ${to}`, version && `version ${version}`, timeZone && `time zone ${timeZone}`].filter(Boolean);
    return parts.length === 0 ? '' : ` (chats started ${parts.join(', ')})`;
}

function table(header: string[], rows: string[][]): string[] {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
    return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)];
}
