import type { TrackPlatform } from '../../language/flow-model.js';
import { dayOf, dayStart, nextDay, parseTimeZone, type TimeZone } from '../time-zone.js';
import type { Ga4Body, MetaBody } from './payloads.js';

/**
 * How old an event may be when it reaches the platform: the GA4 Measurement Protocol accepts a
 * `timestamp_micros` up to 72 hours back, the Meta Conversions API an `event_time` up to 7 days.
 * Older events are dropped there, and GA4 still answers 2xx, so the sender would not know.
 */
export const ACCEPTED_AGE_HOURS: Record<TrackPlatform, number> = { ga4: 72, meta: 7 * 24 };

const PLATFORM_NAMES: Record<TrackPlatform, string> = { ga4: 'GA4', meta: 'Meta' };

/** The epoch-ms times of the events in the payloads. */
export function eventTimes(bodies: ReadonlyArray<Ga4Body | MetaBody>): number[] {
    return bodies.flatMap(body => ('events' in body ? body.events.map(() => body.timestamp_micros / 1000) : body.data.map(e => e.event_time * 1000)));
}

/**
 * A warning when some events are older than the platform accepts at `now`, with the first day
 * `--from` can take so that every event is still accepted; undefined when all are. Days are in
 * `zone`, the one `--from` is read in.
 */
export function staleWarning(platform: TrackPlatform, times: readonly number[], now: number, zone: TimeZone = parseTimeZone('UTC')): string | undefined {
    const cutoff = now - ACCEPTED_AGE_HOURS[platform] * 3_600_000;
    const stale = times.filter(t => t < cutoff);
    if (stale.length === 0) return undefined;
    const oldest = dayOf(zone, Math.min(...stale));
    const cutDay = dayOf(zone, cutoff);
    const firstSafeDay = dayStart(zone, cutDay) >= cutoff ? cutDay : nextDay(cutDay);
    const name = PLATFORM_NAMES[platform];
    return `${stale.length} of ${times.length} events are older than ${name} accepts (${ACCEPTED_AGE_HOURS[platform]} hours, the oldest from ${oldest}): `
        + `${name} drops them${platform === 'ga4' ? ' without an error' : ''}. Send recent days only, e.g. --from ${firstSafeDay}.`;
}
