/** What a run found, in counts; printed at the end and asserted by the smoke test. */
export interface Summary {
    mode: 'in-process' | 'lsp';
    seed: number;
    /** Mutants served (in-process) or edits sent (LSP). */
    mutants: number;
    exceptions: number;
    internalErrors: number;
    loggedErrors: number;
    earlyResolutions: number;
    /** LSP mode: InternalError (-32603) answers, server exits, stderr lines that are errors. */
    internalErrorResponses: number;
    crashes: number;
    /** Documents of at most SLOW_BYTES taking longer than SLOW_MS. */
    slow: number;
    slowest: Array<{ source: string; bytes: number; ms: number; service: string; index: number }>;
    /** Distinct failures by signature, with how often each occurred. */
    signatures: Record<string, number>;
    saved: string[];
    ms: number;
}

export const SLOW_MS = 1000;
export const SLOW_BYTES = 100_000;

export function emptySummary(mode: Summary['mode'], seed: number): Summary {
    return {
        mode, seed, mutants: 0, exceptions: 0, internalErrors: 0, loggedErrors: 0, earlyResolutions: 0,
        internalErrorResponses: 0, crashes: 0, slow: 0, slowest: [], signatures: {}, saved: [], ms: 0
    };
}

/** Keeps the `keep` slowest documents. */
export function noteTime(summary: Summary, entry: Summary['slowest'][number], keep = 5): void {
    if (entry.bytes <= SLOW_BYTES && entry.ms > SLOW_MS) summary.slow++;
    summary.slowest.push(entry);
    summary.slowest.sort((a, b) => b.ms - a.ms);
    summary.slowest.length = Math.min(summary.slowest.length, keep);
}

/** Zero when nothing went wrong: what the smoke test and the exit code check. */
export function problemCount(summary: Summary): number {
    return summary.exceptions + summary.internalErrors + summary.loggedErrors + summary.earlyResolutions
        + summary.internalErrorResponses + summary.crashes + summary.slow;
}

export function formatSummary(summary: Summary): string {
    const lines = [
        `fuzz ${summary.mode} seed ${summary.seed}: ${summary.mutants} ${summary.mode === 'lsp' ? 'edits' : 'mutants'} in ${(summary.ms / 1000).toFixed(1)} s (${(summary.mutants / Math.max(summary.ms / 1000, 0.001)).toFixed(1)}/s)`,
        `  exceptions ${summary.exceptions}, internal-error diagnostics ${summary.internalErrors}, logged errors ${summary.loggedErrors}, early reference resolutions ${summary.earlyResolutions}`
    ];
    if (summary.mode === 'lsp') lines.push(`  InternalError responses ${summary.internalErrorResponses}, server crashes ${summary.crashes}`);
    lines.push(`  documents <= ${SLOW_BYTES / 1000} KB over ${SLOW_MS} ms: ${summary.slow}`);
    lines.push('  slowest:');
    for (const s of summary.slowest) lines.push(`    ${s.ms.toFixed(0)} ms  ${(s.bytes / 1000).toFixed(1)} KB  #${s.index} ${s.source} (most in ${s.service})`);
    const signatures = Object.entries(summary.signatures).sort((a, b) => b[1] - a[1]);
    if (signatures.length > 0) lines.push('  distinct failures:');
    for (const [signature, count] of signatures) lines.push(`    ${count} × ${signature}`);
    for (const folder of summary.saved) lines.push(`  saved ${folder}`);
    return lines.join('\n');
}

/** Every count that must stay 0 (slow documents are left to the long runs: timing here depends on the machine's load). */
export function failures(summary: Summary): Record<string, number> {
    const { exceptions, internalErrors, loggedErrors, earlyResolutions, internalErrorResponses, crashes } = summary;
    return { exceptions, internalErrors, loggedErrors, earlyResolutions, internalErrorResponses, crashes };
}

export const NONE = { exceptions: 0, internalErrors: 0, loggedErrors: 0, earlyResolutions: 0, internalErrorResponses: 0, crashes: 0 };
