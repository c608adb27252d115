import * as fs from 'node:fs';

/**
 * Chats through the pricing experiment, one per line of the plan: the arm taken and whether it
 * booked, spread over 8 days; 3 chats never reach the split (they leave at welcome). The bot logs
 * no enter at the split itself: the arm is the box right after welcome.
 */
export function writePricingLog(file: string, arms: { a: number; b: number; bookedA: number; bookedB: number }): void {
    const lines: string[] = [];
    const event = (chat: string, ts: number, box: string, type = 'enter', text?: string) =>
        lines.push(JSON.stringify({ chat, ts: new Date(ts).toISOString(), flow: 'Offers', version: 'v1', box, type, ...(text ? { text } : {}) }));
    const plan = [
        ...Array.from({ length: arms.a }, (_, i) => ({ arm: 'a', books: i < arms.bookedA })),
        ...Array.from({ length: arms.b }, (_, i) => ({ arm: 'b', books: i < arms.bookedB }))
    ];
    plan.forEach((chat, i) => {
        const id = `x-${String(i).padStart(4, '0')}`;
        const start = Date.UTC(2026, 10, 2 + (i % 8), 9, 0, 0) + i * 1000;
        event(id, start, 'welcome');
        event(id, start + 2000, chat.arm === 'a' ? 'offer_a' : 'offer_b');
        event(id, start + 9000, chat.arm === 'a' ? 'offer_a' : 'offer_b', 'answer', chat.books ? 'Book' : 'Not now');
        event(id, start + 9500, chat.books ? 'booked' : 'goodbye');
    });
    for (let i = 0; i < 3; i++) event(`w-${i}`, Date.UTC(2026, 10, 3, 12, i), 'welcome');
    fs.writeFileSync(file, lines.join('\n') + '\n');
}
