import type { DrillDown } from '../analytics/model.js';

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
