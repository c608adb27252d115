import type { ImportSummary } from '../../server/protocol.js';

const n = (value: number) => value.toLocaleString('en-US');

/** One line for the notification: imported, duplicates, malformed (first file:line), unmatched, and kept text. */
export function importSummaryMessage(summary: ImportSummary, seconds: number): string {
    const parts = [`Imported ${n(summary.imported)} new events from ${summary.files} file${summary.files === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`];
    parts.push(`${n(summary.duplicates)} already stored (skipped)`);
    const first = summary.problems[0];
    parts.push(summary.malformed === 0 ? 'no malformed lines'
        : `${n(summary.malformed)} malformed line${summary.malformed === 1 ? '' : 's'} skipped (first: ${first.file}:${first.line}: ${first.reason})`);
    const unmatched = summary.unmatched.reduce((sum, u) => sum + u.events, 0);
    parts.push(unmatched === 0 ? 'every event matched a box'
        : `${n(unmatched)} events at boxes the flows do not have, kept (${summary.unmatched.slice(0, 3).map(u => `${u.flow ? `${u.flow}.` : ''}${u.box}`).join(', ')}${summary.unmatched.length > 3 ? ', …' : ''})`);
    if (summary.policy === 'keep') parts.push("typed answers KEPT as typed, minus Safe Harbor identifiers (chatflow.privacy.policy is 'keep')");
    return `${parts.join(' · ')}.`;
}
