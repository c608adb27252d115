import type { FlowContext } from '../../flow-context.js';
import { normalizeText, templatesOf, type TextTemplate } from './text-templates.js';

/** Where a platform step lands: a box (and whether by its retry text), two boxes tied, or nowhere. */
export type StepMatch =
    | { box: string; by: 'alias' | 'text'; retry: boolean }
    | { tie: string[] }
    | undefined;

/** Distinct texts remembered per flow: bot texts repeat millions of times, so each is matched once. */
const CACHE_LIMIT = 20_000;

/**
 * Maps a platform's step to a box of the flow, in this order (README, "Logs from bot platforms"):
 * 1. a box name or `alias` equals the step key (page, intent, `Intent.slot`, block, node, event);
 * 2. the bot's text matches a box text (or an input's retry text) as a whole, `{var}` matching any
 *    text; the most specific match wins (most literal characters); an equal best is a tie, kept
 *    unmatched and reported;
 * 3. otherwise nothing: the event is kept unmatched under its step key.
 */
export class StepResolver {
    private readonly templates = new Map<string, TextTemplate[]>();
    private readonly cache = new Map<string, Map<string, StepMatch>>();
    /** Bot texts that matched two boxes equally, by the boxes: events kept unmatched (the summary lists them). */
    readonly ties = new Map<string, { boxes: string[]; events: number }>();

    constructor(private readonly context: FlowContext) {}

    noteTie(boxes: string[]): void {
        const key = boxes.join('\u0000');
        const entry = this.ties.get(key) ?? { boxes, events: 0 };
        entry.events++;
        this.ties.set(key, entry);
    }

    resolve(flow: string, step: string | undefined, text: string | null): StepMatch {
        if (step) {
            const box = this.context.resolve(flow, step);
            if (box !== undefined) return { box, by: 'alias', retry: false };
        }
        if (text === null || text.trim() === '') return undefined;
        return this.byText(flow, text);
    }

    private byText(flow: string, text: string): StepMatch {
        let cache = this.cache.get(flow);
        if (!cache) this.cache.set(flow, cache = new Map());
        const normal = normalizeText(text);
        if (cache.has(normal)) return cache.get(normal);
        let best: TextTemplate[] = [];
        for (const template of this.templatesOf(flow)) {
            if (best.length > 0 && template.literal < best[0].literal) break; // sorted: no later one is as specific
            if (!template.pattern.test(normal)) continue;
            if (best.length === 0 || template.literal > best[0].literal) best = [template];
            else best.push(template);
        }
        const boxes = [...new Set(best.map(t => t.box))].sort();
        const match: StepMatch = boxes.length === 0 ? undefined
            : boxes.length === 1 ? { box: boxes[0], by: 'text', retry: best.every(t => t.retry) }
                : { tie: boxes };
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(normal, match);
        return match;
    }

    /** The flow's boxes (its own and those it leads into); every flow's when the log names none known. */
    private templatesOf(flow: string): TextTemplate[] {
        let list = this.templates.get(flow);
        if (!list) {
            const graph = this.context.flows.get(flow);
            const boxes = graph ? graph.boxes : [...this.context.boxes.values()];
            list = boxes.flatMap(templatesOf).sort((a, b) => b.literal - a.literal);
            this.templates.set(flow, list);
        }
        return list;
    }
}
