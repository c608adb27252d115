/** What a platform reader hands PlatformChats: the bot's and the user's turns, in each chat's order. */

/** A button the bot offered: a click may log its title or only its value. */
export interface Button {
    title: string;
    value?: string;
}

/** Something the bot said or did at a step. */
export interface BotTurn {
    ts: number;
    line: number;
    /** The platform's step key: page, intent or `Intent.slot`, block, node, event name. */
    step?: string;
    /** What the step is, for the summary: "Dialogflow page"... */
    kind: string;
    text: string | null;
    buttons?: readonly Button[];
    version?: string;
    /**
     * Tries the text before the step key: a platform that reports one step for a turn of several
     * messages (Dialogflow's current page, Lex's intent) names the step of the last one; the
     * earlier ones may be other boxes' (a greeting before the first question).
     */
    textFirst?: boolean;
}

/** Something the user said or clicked. */
export interface UserTurn {
    ts: number;
    line: number;
    text: string | null;
    /** The platform rejected it (no-match, no-input, missed utterance): a retry at the box that asked. */
    rejected?: boolean;
}

/** A click logged as the button's value reads as its title, the label the flow's choice uses. */
export function labelOf(text: string | null, buttons: readonly Button[] | undefined): string | null {
    if (text === null || !buttons) return text;
    const wanted = text.trim().toLowerCase();
    if (buttons.some(b => b.title.trim().toLowerCase() === wanted)) return text;
    return buttons.find(b => b.value !== undefined && b.value.trim().toLowerCase() === wanted)?.title ?? text;
}
