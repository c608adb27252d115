import { OUTCOMES, retriesNote, type Durations, type ProblemBox } from '../model.js';
import { percent, type FlowNumbers, type SegmentReport } from './report-data.js';

const OUTCOME_WORDS = { contained: 'contained', escalated: 'escalated', abandoned: 'abandoned', inProgress: 'in progress' } as const;

/** "412 chats: contained 200 (48.5%), escalated 12 (2.9%), ...". */
export function outcomesInWords(numbers: Pick<FlowNumbers, 'chats' | 'outcomes'>): string {
    const { chats, outcomes } = numbers;
    return `${chats} chats: ${OUTCOMES.map(o => `${OUTCOME_WORDS[o]} ${outcomes[o]}${chats === 0 ? '' : ` (${percent(outcomes[o] / chats)})`}`).join(', ')}`;
}

/** One fix-first row: what the box costs and why. */
export function problemInWords(row: ProblemBox): string {
    const parts = [`${row.lostTotal.toFixed(1)} lost conversions`];
    const byGoal = row.lost.filter(l => l.lost > 0).map(l => `${l.goal} ${l.lost.toFixed(1)}`);
    if (byGoal.length > 1) parts[0] += ` (${byGoal.join(', ')})`;
    parts.push(`${row.dropOuts} of ${row.visits} dropped out`);
    const note = retriesNote(row.answers);
    if (row.retries > 0) parts.push(`${row.retries} retries in ${row.retryChats} chats${note ? ` (${note})` : ''}`);
    if (row.repeats > 0) parts.push(`${row.repeats} repeats in ${row.repeatChats} chats`);
    if (row.leaving.n > 0) parts.push(`left after ${duration(row.leaving.medianMs)} (p90 ${duration(row.leaving.p90Ms)})`);
    return `${row.label}: ${parts.join(', ')}`;
}

export function duration(ms: number): string {
    if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
    if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function durationsInWords(d: Durations): string {
    return d.n === 0 ? 'none' : `median ${duration(d.medianMs)}, p90 ${duration(d.p90Ms)} (${d.n})`;
}

/** A segment in one line: its outcomes, conversions, and the differences found significant. */
export function segmentInWords(segment: SegmentReport): string {
    const conversions = segment.conversions.map(c => `${c.goal} ${c.chats}${segment.chats === 0 ? '' : ` (${percent(c.chats / segment.chats)})`}`).join(', ');
    const marked = segment.differences.filter(d => d.significant)
        .map(d => `${d.measure.replace(/^\w+:/, '')} ${percent(d.rate)} vs ${percent(d.restRate)} elsewhere (BH-adjusted p = ${d.adjustedP!.toFixed(4)})`);
    return `${segment.segment} ${segment.value ?? '(none)'}: ${outcomesInWords(segment)}${conversions ? `; converted: ${conversions}` : ''}`
        + (marked.length > 0 ? `; significantly different: ${marked.join('; ')}` : '');
}
