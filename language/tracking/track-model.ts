import {
    isBoxTextValue, isBuiltInValue, isInputBox, isLiteral, isVariableValue,
    type Track, type TrackValue, type Variable
} from '../generated/ast.js';
import { boxId } from '../chatflow-names.js';
import { literalValue, rangeOf } from '../ast-facts.js';
import type { FlowTrack, TrackBuiltIn, TrackPlatform, TrackValueSpec } from '../flow-model.js';
import { TRACK_BUILT_INS } from '../flow-model.js';

/**
 * The FlowTrack DTO of a `track` block. Parts the parser could not read (`track` without a goal,
 * `ga4` without a name) are empty: the syntax error says what is missing.
 */
export function trackOf(track: Track): FlowTrack {
    return {
        goal: track.goal?.ref?.name ?? track.goal?.$refText ?? '',
        range: rangeOf(track),
        events: track.events.map(event => ({
            platform: event.platform as TrackPlatform,
            name: trackValueOf(event.name),
            params: event.allowList
                ? event.params.map(param => ({ name: param.name ?? '', value: trackValueOf(param.value), range: rangeOf(param) }))
                : undefined,
            range: rangeOf(event)
        }))
    };
}

/** What a value is made of; a value the parser left out reads as an empty literal. */
export function trackValueOf(value: TrackValue | undefined): TrackValueSpec {
    if (!value) return { kind: 'literal', value: '' };
    if (isLiteral(value)) return { kind: 'literal', value: literalValue(value) };
    if (isBuiltInValue(value)) {
        const name = builtInName(value.source, value.property);
        return name ? { kind: 'builtin', name } : { kind: 'unknown', text: `${value.source}.${value.property ?? ''}` };
    }
    if (isBoxTextValue(value)) {
        const box = value.box?.box?.ref;
        return { kind: 'boxText', box: box ? boxId(box) : value.box?.box?.$refText ?? '' };
    }
    if (isVariableValue(value)) {
        const variable = value.variable?.ref;
        return { kind: 'variable', variable: variable?.name ?? value.variable?.$refText ?? '', sensitive: variable ? isSensitive(variable) : false };
    }
    return { kind: 'literal', value: '' };
}

/** `flow.version` etc., or undefined for a property that is not a built-in (the validator reports it). */
export function builtInName(source: string, property: string): TrackBuiltIn | undefined {
    const name = `${source}.${property}`;
    return (TRACK_BUILT_INS as readonly string[]).includes(name) ? name as TrackBuiltIn : undefined;
}

/** A variable is sensitive when declared so or saved by an input marked sensitive. */
export function isSensitive(variable: Variable): boolean {
    if (variable.sensitive) return true;
    return variable.$container.boxes.some(box => isInputBox(box) && box.sensitive && box.save.some(s => s?.ref === variable));
}
