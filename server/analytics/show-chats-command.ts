import type { BoxStats, DrillDown } from '../../analytics/model.js';

/** The client command a box's code lens runs: list the chats behind one of its numbers. */
export const SHOW_CHATS_COMMAND = 'chatflow.showChats';

export interface ShowChatsArgs {
    /** The document the box is in (its flows are the drill-down's context). */
    uri: string;
    /** The box id, `Flow.box`. */
    box: string;
    /** The numbers on the lens, in order, each with the drill-down behind it. */
    numbers: Array<{ label: string; drill: DrillDown }>;
}

/** The numbers a box shows, each with the drill-down that lists its chats. */
export function boxNumbers(stats: BoxStats, canDropOut: boolean): ShowChatsArgs['numbers'] {
    const numbers: ShowChatsArgs['numbers'] = [{ label: `${stats.visits} chats at ${stats.box}`, drill: { metric: 'visits', box: stats.box } }];
    if (canDropOut) numbers.push({ label: `${stats.dropOuts} dropped out at ${stats.box}`, drill: { metric: 'dropOuts', box: stats.box } });
    for (const [goal, chats] of Object.entries(stats.conversions)) {
        if (chats > 0) numbers.push({ label: `${chats} converted on ${goal}`, drill: { metric: 'boxConversions', box: stats.box, goal } });
    }
    return numbers;
}
