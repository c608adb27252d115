/**
 * Where the sample chats come from, as a bot's logs record it: the channel of the conversation
 * and, on its first event, the entry source (a UTM-style campaign or referrer). Shares differ by
 * flow, as they do between a clinic's website and a pharmacy's text-message line.
 */

export interface Traffic {
    channel: string;
    source: string;
}

type Shares = ReadonlyArray<readonly [string, number]>;

const CHANNELS: Record<string, Shares> = {
    Clinic: [['web', 62], ['sms', 23], ['whatsapp', 15]],
    Refill: [['sms', 48], ['web', 32], ['whatsapp', 20]]
};

const SOURCES: Record<string, Shares> = {
    Clinic: [['google-ads', 34], ['organic', 28], ['direct', 16], ['facebook', 12], ['newsletter', 10]],
    Refill: [['refill-reminder', 46], ['direct', 30], ['organic', 14], ['google-ads', 10]]
};

function pick(shares: Shares, random: () => number): string {
    let r = random() * shares.reduce((sum, [, share]) => sum + share, 0);
    for (const [name, share] of shares) {
        r -= share;
        if (r < 0) return name;
    }
    return shares[shares.length - 1][0];
}

/** The channel and source of one chat of `flow`; undefined for flows whose logs carry neither (Rasa). */
export function trafficOf(flow: string, random: () => number): Traffic | undefined {
    const channels = CHANNELS[flow], sources = SOURCES[flow];
    if (!channels || !sources) return undefined;
    return { channel: pick(channels, random), source: pick(sources, random) };
}
