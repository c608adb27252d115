import type { GoalConversions, OutcomeCounts } from './model.js';
import { OUTCOMES } from './model.js';
import { segmentDifferences, type SegmentDifference } from './segment-significance.js';

/** The counts of one segment that are compared with the other segments'. */
export interface SegmentTotals {
    chats: number;
    outcomes: OutcomeCounts;
    conversions: readonly GoalConversions[];
}

/**
 * Per segment: its conversion rate of each goal (measure `conversion:GOAL`) and its outcome rates
 * (`outcome:contained`...) against the other segments together, Benjamini–Hochberg adjusted over
 * every test that ran (segment-significance.ts). Used by the report and the Analytics panel alike.
 */
export function compareSegments(segments: readonly SegmentTotals[]): SegmentDifference[][] {
    const goals = [...new Set(segments.flatMap(s => s.conversions.map(c => c.goal)))].sort();
    const measures = [...goals.map(g => `conversion:${g}`), ...OUTCOMES.map(o => `outcome:${o}`)];
    return segmentDifferences(segments.map(s => ({
        chats: s.chats,
        successes: Object.fromEntries([
            ...s.conversions.map(c => [`conversion:${c.goal}`, c.chats] as const),
            ...OUTCOMES.map(o => [`outcome:${o}`, s.outcomes[o]] as const)
        ])
    })), measures);
}
