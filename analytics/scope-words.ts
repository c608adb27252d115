import type { AnalyticsFilter, AnalyticsScope } from './model.js';

/** The scope part of a filter (the panel's, a request's), without empty fields. */
export function analyticsScope(filter: Pick<AnalyticsFilter, 'from' | 'to' | 'version' | 'segment'>): AnalyticsScope {
    return {
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(filter.version ? { version: filter.version } : {}),
        ...(filter.segment ? { segment: { by: filter.segment.by, value: filter.segment.value } } : {})
    };
}

export function isFiltered(filter: AnalyticsScope): boolean {
    return Boolean(filter.from || filter.to || filter.version || filter.segment);
}

/** A segment value in words: "channel web", "source (none)", "weekday Monday", "hour 09". */
export function describeSegment(segment: NonNullable<AnalyticsScope['segment']>): string {
    return `${segment.by} ${segment.value ?? '(none)'}`;
}

/** The filter in words: "chats started 2026-11-05 to 2026-11-12, flow version v2". */
export function describeFilter(filter: AnalyticsScope): string {
    const days = filter.from && filter.to ? `${filter.from} to ${filter.to}` : filter.from ? `from ${filter.from}` : filter.to ? `up to ${filter.to}` : '';
    return [days && `chats started ${days}`, filter.version && `flow version ${filter.version}`, filter.segment && describeSegment(filter.segment)].filter(Boolean).join(', ');
}

/**
 * What the preview, the code lenses and the hovers say beside numbers read for a scope:
 * "Filtered: chats started 2026-11-05 to 2026-11-12, flow version v2"; undefined for all chats.
 */
export function scopeLabel(scope: AnalyticsScope): string | undefined {
    return isFiltered(scope) ? `Filtered: ${describeFilter(scope)}` : undefined;
}
