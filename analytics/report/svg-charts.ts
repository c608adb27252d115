import type { GoalConversions } from '../model.js';
import { nextDay } from '../time-zone.js';

/** Inline SVG charts for the HTML report: no scripts, no fonts or images from elsewhere. */

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf'];

export function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Every day from the first to the last day with a conversion (days without one count 0). */
export function daySpan(goals: readonly GoalConversions[]): string[] {
    const days = goals.flatMap(g => g.days.map(d => d.day)).sort();
    if (days.length === 0) return [];
    const span: string[] = [];
    for (let day = days[0]; day <= days[days.length - 1]; day = nextDay(day)) span.push(day);
    return span;
}

/** Conversions per day, one line per goal. */
export function conversionsChart(goals: readonly GoalConversions[]): string {
    const days = daySpan(goals);
    const width = 760, height = 260, left = 44, right = 150, top = 16, bottom = 40;
    const plotW = width - left - right, plotH = height - top - bottom;
    const max = Math.max(1, ...goals.flatMap(g => g.days.map(d => d.chats)));
    const x = (i: number) => left + (days.length <= 1 ? plotW / 2 : (i * plotW) / (days.length - 1));
    const y = (v: number) => top + plotH - (v * plotH) / max;
    const parts: string[] = [];
    parts.push(`<svg role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
    parts.push('<title>Conversions per day per goal</title>');
    for (const tick of [0, Math.round(max / 2), max]) {
        parts.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`);
        parts.push(`<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" class="axis">${tick}</text>`);
    }
    const every = Math.max(1, Math.ceil(days.length / 8));
    days.forEach((day, i) => {
        if (i % every === 0 || i === days.length - 1) parts.push(`<text x="${x(i)}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${day.slice(5)}</text>`);
    });
    goals.forEach((goal, g) => {
        const byDay = new Map(goal.days.map(d => [d.day, d.chats]));
        const points = days.map((day, i) => `${x(i).toFixed(1)},${y(byDay.get(day) ?? 0).toFixed(1)}`).join(' ');
        const color = COLORS[g % COLORS.length];
        if (days.length > 0) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`);
        parts.push(`<rect x="${width - right + 12}" y="${top + g * 20}" width="12" height="12" fill="${color}"/>`);
        parts.push(`<text x="${width - right + 30}" y="${top + g * 20 + 10}" class="legend">${escapeXml(goal.goal)} (${goal.chats})</text>`);
    });
    if (days.length === 0) parts.push(`<text x="${left + plotW / 2}" y="${top + plotH / 2}" text-anchor="middle" class="axis">no conversions in this range</text>`);
    parts.push('</svg>');
    return parts.join('');
}

/** Horizontal bars: the boxes with the most drop-outs. */
export function dropOutBars(boxes: ReadonlyArray<{ label: string; dropOuts: number; dropOutRate: number }>): string {
    const width = 760, row = 26, left = 180, right = 120;
    const height = Math.max(1, boxes.length) * row + 10;
    const max = Math.max(1, ...boxes.map(b => b.dropOuts));
    const parts = [`<svg role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, '<title>Top drop-out boxes</title>'];
    boxes.forEach((box, i) => {
        const w = ((width - left - right) * box.dropOuts) / max;
        const yTop = 5 + i * row;
        parts.push(`<text x="${left - 8}" y="${yTop + 16}" text-anchor="end" class="label">${escapeXml(box.label)}</text>`);
        parts.push(`<rect x="${left}" y="${yTop + 3}" width="${w.toFixed(1)}" height="${row - 8}" fill="#d62728" opacity="${(0.35 + 0.65 * Math.min(1, box.dropOutRate * 3)).toFixed(2)}"/>`);
        parts.push(`<text x="${left + w + 6}" y="${yTop + 16}" class="label">${box.dropOuts} (${(box.dropOutRate * 100).toFixed(1)}%)</text>`);
    });
    if (boxes.length === 0) parts.push(`<text x="${width / 2}" y="18" text-anchor="middle" class="label">no drop-outs</text>`);
    parts.push('</svg>');
    return parts.join('');
}
