import type { Outcome } from '../../webview-protocol.js';

/** An outcome in words, as the panel and its drill-down headings say it. */
export const OUTCOME_LABELS: Record<Outcome, string> = { contained: 'contained', escalated: 'escalated', abandoned: 'abandoned', inProgress: 'in progress' };
