import type { BoxKind, ConditionExpr, EdgeKind, InputValidation, LiteralValue, VariableType } from '../flow-model.js';
import { specKey, type SlotSpec } from './solve-slot.js';

/**
 * What the flow-wide feasibility analysis reads of a flow: a FlowGraph satisfies it, and so does
 * the validator's slimmer graph (validation/analysis-graph.ts).
 */
export interface FeasibilityGraph {
    start?: string;
    boxes: ReadonlyArray<{
        id: string;
        kind: BoxKind;
        assignments: ReadonlyArray<{ variable: string; value?: LiteralValue }>;
        input?: { variable?: string; type?: VariableType; validation?: InputValidation };
    }>;
    edges: ReadonlyArray<{ from: string; to: string; kind: EdgeKind; condition?: ConditionExpr }>;
    variables: ReadonlyArray<{ name: string; type?: VariableType; default?: unknown }>;
}

/**
 * Where a variable's value at a box may come from: unset, a literal (a default or a `set`), the
 * answer to an input (of its type and validation), or anything of its type (a chat that came in
 * from another flow). `boxes` says which boxes, for messages only (at most a few are kept).
 */
export type Source =
    | { kind: 'unset' }
    | { kind: 'value'; value: LiteralValue; boxes: string[] }
    | { kind: 'answer'; spec: SlotSpec; boxes: string[] }
    | { kind: 'any'; spec: SlotSpec };

/** Per variable (in the order of the analysed names), its sources by key. */
export type Sources = Array<Map<string, Source>>;

const KEPT_BOXES = 3;

export function sourceKey(source: Source): string {
    switch (source.kind) {
        case 'unset': return 'unset';
        case 'value': return `=${JSON.stringify(source.value)}`;
        case 'answer': return `?${specKey(source.spec)}`;
        case 'any': return `*${source.spec.type}`;
    }
}

export function single(source: Source): Map<string, Source> {
    return new Map([[sourceKey(source), source]]);
}

/**
 * Adds `from`'s sources into `into`; true when a source was new (box lists do not count). The
 * maps are never changed once made, only replaced: boxes share them, so a variable nothing
 * assigns on the way costs a comparison of two references, not a walk over its sources (a flow
 * of thousands of boxes reading hundreds of variables would otherwise join millions of maps).
 */
export function joinInto(into: Sources, from: Sources): boolean {
    let changed = false;
    for (let i = 0; i < from.length; i++) {
        const current = into[i];
        const incoming = from[i];
        if (current === incoming) continue;
        let merged: Map<string, Source> | undefined;
        for (const [key, source] of incoming) {
            const existing = (merged ?? current).get(key);
            if (!existing) {
                merged ??= new Map(current);
                merged.set(key, source);
                changed = true;
            } else if ('boxes' in existing && 'boxes' in source && existing.boxes.length < KEPT_BOXES && source.boxes.some(b => !existing.boxes.includes(b))) {
                const boxes = [...new Set([...existing.boxes, ...source.boxes])].slice(0, KEPT_BOXES);
                merged ??= new Map(current);
                merged.set(key, { ...existing, boxes } as Source);
            }
        }
        if (merged) into[i] = merged;
    }
    return changed;
}

/** The variable's values in words: `yes (set in ask_x) or not set`. */
export function describeSources(name: string, sources: ReadonlyMap<string, Source>): string {
    const parts = [...sources.values()].map(describeSource);
    const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
    return `${name} can only be ${list}`;
}

function describeSource(source: Source): string {
    switch (source.kind) {
        case 'unset': return 'not set';
        case 'value': {
            const where = source.boxes.map(b => (b === '' ? 'its default' : `set in ${shortName(b)}`));
            return `${showValue(source.value)}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
        }
        case 'answer': return `the answer to ${source.boxes.map(shortName).join(' or ')} (${describeSpec(source.spec)})`;
        case 'any': return `${describeSpec(source.spec)} from another flow`;
    }
}

export function describeSpec(spec: SlotSpec): string {
    const kind: Record<VariableType, string> = { text: 'a text', number: 'a number', email: 'an email address', phone: 'a phone number', date: 'a date', yesno: 'yes or no' };
    const v = spec.validation;
    if (v?.kind === 'range' && spec.type === 'number') return `${kind.number} between ${v.min} and ${v.max}`;
    if (v?.kind === 'pattern') return `${kind[spec.type]} matching ${JSON.stringify(v.pattern)}`;
    return kind[spec.type];
}

export function showValue(value: LiteralValue): string {
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function shortName(boxId: string): string {
    return boxId.slice(boxId.indexOf('.') + 1);
}
