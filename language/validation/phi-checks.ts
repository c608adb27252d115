import type { ValidationAcceptor } from 'langium';
import {
    isBoxTextValue, isBuiltInValue, isStringLiteral, isVariableValue,
    type Flow, type Track, type TrackedEvent, type TrackValue, type Variable
} from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';
import { GENERIC_EVENT_NAMES, revealingTerm } from '../tracking/phi-terms.js';
import { builtInName, isSensitive } from '../tracking/track-model.js';

/**
 * The PHI linter: what a `track` block would send to an ad platform must say nothing about the
 * patient. Event names and parameters are literals or built-ins (facts about the conversion);
 * never an answer (a variable, a `{variable}` in a string) or a box's text; names must not reveal
 * a condition or treatment; every event lists the parameters it may carry.
 */
export function checkTrackedEvent(event: TrackedEvent, accept: ValidationAcceptor, extraTerms: readonly string[]): void {
    const platform = event.platform as 'ga4' | 'meta';
    const where = `the ${platform === 'ga4' ? 'GA4' : 'Meta'} event`;
    if (event.name) {
        if (checkValue(event.name, `${where} name`, accept)) {
            const name = isStringLiteral(event.name) ? event.name.value : undefined;
            const term = name === undefined ? undefined : revealingTerm(name, extraTerms);
            if (term) {
                const suggestions = GENERIC_EVENT_NAMES[platform];
                accept('warning', `Event name "${name}" reveals a health condition or treatment ('${term}') to ${platform === 'ga4' ? 'Google' : 'Meta'}. Use a generic name such as "${suggestions[0]}".`,
                    { node: event, property: 'name', ...issue(IssueCodes.PhiRevealingName, { suggestions, term }) });
            }
        }
    }
    for (const param of event.params) {
        if (!param.value) continue;
        if (checkValue(param.value, `parameter '${param.name}'`, accept) && isStringLiteral(param.value) && param.value.value !== undefined) {
            const term = revealingTerm(param.value.value, extraTerms);
            if (term) {
                accept('warning', `Parameter '${param.name}' = "${param.value.value}" reveals a health condition or treatment ('${term}'). Send a neutral value.`,
                    { node: param, property: 'value', ...issue(IssueCodes.PhiRevealingName, { term }) });
            }
        }
    }
    // `goal.name` sends the goal's own name: it must not reveal a condition either.
    const goalName = event.$container.goal?.ref?.name;
    const term = goalName === undefined ? undefined : revealingTerm(goalName, extraTerms);
    if (term) {
        for (const value of [event.name, ...event.params.map(p => p.value)]) {
            if (isBuiltInValue(value) && value.source === 'goal' && value.property === 'name') {
                accept('warning', `goal.name sends "${goalName}", which reveals a health condition or treatment ('${term}'). Use a literal generic name instead.`,
                    { node: value, ...issue(IssueCodes.PhiRevealingName, { term }) });
            }
        }
    }
    if (!event.allowList) {
        accept('warning', `${capitalize(where)} declares no allow-list of parameters. Add { } with the parameters it may carry (or empty braces for none); only those are exported.`,
            { node: event, property: 'platform', ...issue(IssueCodes.MissingAllowList) });
    }
    const seen = new Set<string>();
    for (const param of event.params) {
        if (param.name === undefined) continue; // a parameter without its name: a syntax error already
        if (seen.has(param.name)) {
            accept('error', `Parameter '${param.name}' is listed twice. Keep one.`, { node: param, property: 'name', ...issue(IssueCodes.DuplicateTrackParam) });
        }
        seen.add(param.name);
    }
}

/**
 * One `track` per goal and platform: two would export each conversion twice. A `track` the parser
 * left without a goal (`track {`) has its syntax error; it is compared with no other track.
 */
export function checkTrack(track: Track, accept: ValidationAcceptor): void {
    const goal = track.goal?.$refText;
    const platforms = new Set<string>();
    for (const event of track.events) {
        if (platforms.has(event.platform)) {
            accept('error', `${goal ? `Goal '${goal}' already has a ${event.platform} event in this track` : `This track already has a ${event.platform} event`}. Keep one.`,
                { node: event, property: 'platform', ...issue(IssueCodes.DuplicateTrackedEvent) });
        }
        platforms.add(event.platform);
    }
    if (!goal) return;
    const flow = track.$container as Flow;
    const earlier = flow.tracks.find(other => other !== track && other.goal?.$refText === goal);
    if (earlier && flow.tracks.indexOf(earlier) < flow.tracks.indexOf(track)) {
        accept('error', `Goal '${goal}' is already tracked on line ${(earlier.$cstNode?.range.start.line ?? 0) + 1}. Merge the two track blocks.`,
            { node: track, property: 'goal', ...issue(IssueCodes.DuplicateTrackedEvent) });
    }
}

/** Reports a value built from patient data or an unknown built-in; true when the value is a safe constant or built-in. */
function checkValue(value: TrackValue, what: string, accept: ValidationAcceptor): boolean {
    if (isVariableValue(value)) {
        const variable = value.variable?.ref;
        if (!variable) return false; // unresolved or missing: reported by linking or the parser
        reportVariable(variable, what, value, accept, 'value');
        return false;
    }
    if (isBoxTextValue(value)) {
        accept('error', `${capitalize(what)} is built from the text of box '${value.box?.box?.$refText}', which can carry what the patient said or was told. Use a literal or a built-in (flow.name, flow.version, goal.name, goal.day).`,
            { node: value, ...issue(IssueCodes.PhiDynamicValue) });
        return false;
    }
    if (isBuiltInValue(value)) {
        if (!builtInName(value.source, value.property)) {
            accept('error', `'${value.source}.${value.property}' is not a built-in. Use flow.name, flow.version, goal.name or goal.day.`,
                { node: value, property: 'property', ...issue(IssueCodes.UnknownBuiltIn) });
            return false;
        }
        return true;
    }
    if (isStringLiteral(value) && value.value !== undefined) {
        const interpolated = [...value.value.matchAll(/\{([A-Za-z_]\w*)\}/g)].map(m => m[1]);
        if (interpolated.length > 0) {
            const flow = flowOf(value);
            const variable = flow?.variables.find(v => interpolated.includes(v.name));
            if (variable) reportVariable(variable, what, value, accept);
            else accept('error', `${capitalize(what)} interpolates {${interpolated[0]}}: exported text must be constant. Remove the placeholder.`,
                { node: value, ...issue(IssueCodes.PhiDynamicValue) });
            return false;
        }
    }
    return true;
}

function reportVariable(variable: Variable, what: string, node: TrackValue, accept: ValidationAcceptor, property?: 'value'): void {
    const at = property ? { node, property: 'variable' as const } : { node };
    if (isSensitive(variable)) {
        accept('error', `${capitalize(what)} is fed by '${variable.name}', a sensitive answer (protected health information): it must never leave the machine. Use a literal or a built-in.`,
            { ...at, ...issue(IssueCodes.PhiSensitiveValue) });
    } else {
        accept('error', `${capitalize(what)} is built from variable '${variable.name}', an answer the patient gave. Use a literal or a built-in (flow.name, flow.version, goal.name, goal.day).`,
            { ...at, ...issue(IssueCodes.PhiDynamicValue) });
    }
}

function flowOf(value: TrackValue): Flow | undefined {
    let node = value.$container as { $type: string; $container?: unknown } | undefined;
    while (node && node.$type !== 'Flow') node = node.$container as typeof node;
    return node as Flow | undefined;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
