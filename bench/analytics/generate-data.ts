/**
 * The benchmark's data: exactly N canonical events (default 1,000,000) from chats simulated
 * through the clinic example flow (the same generator as examples/logs), written as JSON Lines
 * and as CSV under bench/.data/ (git-ignored). Kept between runs: regenerated only when missing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    byTime, chatStarts, CSV_HEADER, csvLine, jsonLine, loadExampleGraphs, seededRandom, simulateChat, BEHAVIOUR, type SimEvent
} from '../../scripts/generate-sample-logs.js';

export interface BenchData {
    jsonl: string;
    csv: string;
    events: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function benchData(root: string, events: number): Promise<BenchData> {
    const folder = path.join(root, 'bench', '.data');
    const jsonl = path.join(folder, `events-${events}.jsonl`);
    const csv = path.join(folder, `events-${events}.csv`);
    if (fs.existsSync(jsonl) && fs.existsSync(csv)) return { jsonl, csv, events };
    fs.mkdirSync(folder, { recursive: true });
    const graph = (await loadExampleGraphs(root)).get('Clinic')!;
    const random = seededRandom(1_000_000);
    const jsonOut = fs.openSync(`${jsonl}.tmp`, 'w');
    const csvOut = fs.openSync(`${csv}.tmp`, 'w');
    fs.writeSync(csvOut, CSV_HEADER + '\n');
    // ~19 events per chat; chats spread over a year, written a day at a time in time order.
    const chatsPerDay = Math.ceil(events / 19 / 365);
    let written = 0;
    let chatNumber = 0;
    const firstDay = Date.parse('2025-11-21T00:00:00Z');
    for (let day = 0; written < events; day++) {
        const from = firstDay + day * DAY_MS;
        const chats = chatStarts(chatsPerDay, random, from, from + DAY_MS)
            .map(start => simulateChat(graph, BEHAVIOUR.Clinic, `b-${String(++chatNumber).padStart(7, '0')}`, start, random, Infinity));
        let dayEvents: SimEvent[] = byTime(chats);
        if (written + dayEvents.length > events) dayEvents = dayEvents.slice(0, events - written);
        fs.writeSync(jsonOut, dayEvents.map(jsonLine).join('\n') + '\n');
        fs.writeSync(csvOut, dayEvents.map(csvLine).join('\n') + '\n');
        written += dayEvents.length;
    }
    fs.closeSync(jsonOut);
    fs.closeSync(csvOut);
    fs.renameSync(`${jsonl}.tmp`, jsonl);
    fs.renameSync(`${csv}.tmp`, csv);
    return { jsonl, csv, events };
}
