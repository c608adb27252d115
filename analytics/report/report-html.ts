import { durationsInWords, outcomesInWords, problemInWords, segmentInWords } from './insight-words.js';
import { comparisonInWords, percent, topDropOuts, type FlowReport, type ReportData } from './report-data.js';
import { filterText } from './report-table.js';
import { conversionsChart, dropOutBars, escapeXml } from './svg-charts.js';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 36px; border-bottom: 1px solid #ccc; } h3 { font-size: 15px; margin-top: 22px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { padding: 3px 10px; border-bottom: 1px solid #eee; text-align: right; }
th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
.muted { color: #666; } .axis { font-size: 11px; fill: #555; } .legend, .label { font-size: 12px; fill: #222; }
.bad { color: #b00; }`;

/**
 * The report as ONE self-contained HTML file: inline CSS and inline SVG charts, no script, no
 * link to anything outside the file (a Content-Security-Policy says so too), so it can be
 * mailed or archived and still open the same.
 */
export function reportHtml(report: ReportData): string {
    const { overview } = report;
    const body: string[] = [];
    body.push(`<h1>Chatflow analytics</h1>`);
    body.push(`<p class="muted">${escapeXml(report.database)}: ${overview.events.toLocaleString('en-US')} events, ${overview.chats.toLocaleString('en-US')} chats${overview.first ? `, ${overview.first.slice(0, 10)} to ${overview.last!.slice(0, 10)}` : ''}${escapeXml(filterText(report))}. Generated ${escapeXml(report.generated)}.</p>`);
    for (const flow of report.flows) body.push(flowSection(flow));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Chatflow analytics report</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function flowSection(flow: FlowReport): string {
    const parts: string[] = [`<h2>${escapeXml(flow.flow)}${flow.label ? ` <span class="muted">${escapeXml(flow.label)}</span>` : ''}</h2>`];
    parts.push('<h3>Conversions per day</h3>', conversionsChart(flow.conversions));
    parts.push(`<h3>Outcomes</h3><p>${escapeXml(outcomesInWords(flow))}</p>`);
    parts.push('<h3>Top drop-outs</h3>', dropOutBars(topDropOuts(flow, 8)));
    const list = (title: string, items: string[]) => (items.length === 0 ? [] : [`<h3>${title}</h3><ol>`, ...items.map(i => `<li>${escapeXml(i)}</li>`), '</ol>']);
    parts.push(...list('Fix these first', flow.fixFirst.slice(0, 10).map(problemInWords)));
    parts.push(...list('Most taken complete paths', flow.paths.map(p => `${p.chats} chats, ${percent(p.rate)} converted: ${p.boxes.map(b => b.split('.').pop()).join(' > ')}`)));
    parts.push(...list('Time to convert', flow.timeToConvert.filter(t => t.n > 0).map(t => `${t.goal}: ${durationsInWords(t)}`)));
    parts.push(...list('Segments', (flow.segments ?? []).map(segmentInWords)));
    const goals = [...new Set(flow.boxes.flatMap(b => Object.keys(b.conversions)))];
    parts.push('<h3>Boxes</h3><table><thead><tr><th>box</th><th>kind</th><th>chats</th><th>entries</th><th>dropped</th><th>rate</th>'
        + goals.map(g => `<th>→ ${escapeXml(g)}</th>`).join('') + '</tr></thead><tbody>');
    for (const box of flow.boxes) {
        const rate = box.visits === 0 ? '-' : percent(box.dropOutRate);
        parts.push(`<tr><td>${escapeXml(box.label)}</td><td>${box.kind}</td><td>${box.visits}</td><td>${box.entries}</td><td>${box.dropOuts}</td>`
            + `<td${box.dropOutRate >= 0.1 ? ' class="bad"' : ''}>${rate}</td>` + goals.map(g => `<td>${box.conversions[g] ?? 0}</td>`).join('') + '</tr>');
    }
    parts.push('</tbody></table>');
    for (const funnel of flow.funnels) {
        if (funnel.steps.length === 0) continue;
        const first = funnel.steps[0].chats;
        parts.push(`<h3>Funnel to ${escapeXml(funnel.goal ?? '')} <span class="muted">(${funnel.path} path)</span></h3><table><thead><tr><th>step</th><th></th><th>chats</th><th>of first</th></tr></thead><tbody>`);
        funnel.steps.forEach((step, i) => parts.push(`<tr><td>${i + 1}. ${escapeXml(step.box)}</td><td></td><td>${step.chats}</td><td>${first === 0 ? '-' : percent(step.chats / first)}</td></tr>`));
        parts.push('</tbody></table>');
    }
    if (flow.versions) {
        parts.push(`<h3>Versions ${escapeXml(flow.versions.a)} and ${escapeXml(flow.versions.b)}</h3><ul>`);
        for (const comparison of flow.versions.goals) parts.push(`<li>${escapeXml(comparisonInWords(comparison))}</li>`);
        parts.push('</ul>');
    }
    return parts.join('\n');
}
