import type { FlowGraph, SourceRange, TrackedEvent, TrackPlatform } from '../../language/flow-model.js';
import { ExportError } from './export-error.js';

/** A goal a flow exports to one platform, with the event it declares and where (file:line) for messages. */
export interface TrackedGoal {
    flow: string;
    goal: string;
    event: TrackedEvent;
    where: string;
}

/** Names a source range for messages, e.g. `flows/clinic.chatflow:58`. */
export type Place = (range: SourceRange) => string;

/**
 * The `track` declarations of the flows for one platform. A goal tracked twice for the same
 * platform (in two flows) would be exported twice: refused, naming both places.
 */
export function trackedGoals(graphs: readonly FlowGraph[], platform: TrackPlatform, place: Place): TrackedGoal[] {
    const found: TrackedGoal[] = [];
    for (const graph of graphs) {
        for (const track of graph.tracks ?? []) {
            for (const event of track.events) {
                if (event.platform !== platform) continue;
                const where = place(event.range);
                const twice = found.find(other => other.goal === track.goal);
                if (twice) {
                    throw new ExportError(`goal '${track.goal}' has a ${platform} event at ${twice.where} and at ${where}: each conversion would be sent twice. Keep one.`);
                }
                found.push({ flow: graph.flow, goal: track.goal, event, where });
            }
        }
    }
    return found;
}
