import type { FlowBox } from '../../../language/flow-model.js';

/**
 * A bot's message as compared with box texts: whole text, case, runs of whitespace, typographic
 * quotes and trailing punctuation ignored ("Hi,  Maria!" reads as "hi, maria").
 */
export function normalizeText(text: string): string {
    return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase().replace(/[\s.!?…,;:]+$/, '');
}

/** One box text as a pattern: its literal parts, with each `{var}` matching any text between them. */
export interface TextTemplate {
    box: string;
    /** The box's retry text (an input's re-prompt), not its main text. */
    retry: boolean;
    pattern: RegExp;
    /** Characters the template itself fixes: among matches, more is more specific. */
    literal: number;
}

const PLACEHOLDER = /\{\s*[A-Za-z_][\w]*\s*\}/g;

/** The templates of a box: its text and, for an input, its retry text. */
export function templatesOf(box: FlowBox): TextTemplate[] {
    const out: TextTemplate[] = [];
    if (box.text) out.push(compile(box.id, box.text, false));
    if (box.input?.retry) out.push(compile(box.id, box.input.retry, true));
    return out.filter(t => t.literal > 0);
}

function compile(box: string, text: string, retry: boolean): TextTemplate {
    // Normalised as a message is, with the placeholders kept as markers that survive lower-casing.
    const marked = normalizeText(text.replace(PLACEHOLDER, '\u0000'));
    const parts = marked.split('\u0000');
    const literal = parts.reduce((sum, part) => sum + part.length, 0);
    const source = parts.map(escape).join('[\\s\\S]+?');
    return { box, retry, pattern: new RegExp(`^${source}$`), literal };
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
