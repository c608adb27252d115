import { DocumentValidator } from 'langium';

/** Machine-readable codes of every diagnostic this language reports. Tests and quick fixes key on them. */
export namespace IssueCodes {
    /** Langium's own code for a reference that does not resolve; ours adds a "did you mean" suggestion. */
    export const UnresolvedReference = DocumentValidator.LinkingError;
    export const DuplicateBox = 'duplicate-box';
    export const DuplicateGoal = 'duplicate-goal';
    export const DuplicateVariable = 'duplicate-variable';
    export const DuplicateFlow = 'duplicate-flow';
    export const MissingStart = 'missing-start';
    export const MultipleStarts = 'multiple-starts';
    /** A statement a box may hold once (`->`, `save`, `call`, `retry`, a validation, `else`, `queue`) appears twice. */
    export const RepeatedStatement = 'repeated-statement';
    export const UnreachableBox = 'unreachable-box';
    export const DeadEnd = 'dead-end';
    export const UnmarkedGoal = 'unmarked-goal';
    export const UnreachableGoal = 'unreachable-goal';
    export const TrappedLoop = 'trapped-loop';
    export const MissingElse = 'missing-else';
    /** Language server only (it reads the analytics store): real chats take transitions of this box that no test takes. */
    export const UntestedTraffic = 'untested-traffic';
    /** A `when` (or `else`) no chat can take: the values the variables can hold there never make it the branch taken. */
    export const InfeasibleBranch = 'infeasible-branch';
    export const UnassignedVariable = 'unassigned-variable';
    export const UnknownVariable = 'unknown-variable';
    export const MissingSave = 'missing-save';
    export const DuplicateChoiceLabel = 'duplicate-choice-label';
    export const LiteralTypeMismatch = 'literal-type-mismatch';
    export const MalformedLiteral = 'malformed-literal';
    export const OperatorTypeMismatch = 'operator-type-mismatch';
    export const ValidationTypeMismatch = 'validation-type-mismatch';
    export const InvalidRange = 'invalid-range';
    export const InvalidPattern = 'invalid-pattern';
    export const UnknownChoice = 'unknown-choice';
    export const UnknownOutcome = 'unknown-outcome';
    /** PHI linter: a tracked event's name or parameter built from a variable, a `{variable}` or box text. */
    export const PhiDynamicValue = 'phi-dynamic-value';
    /** PHI linter: a tracked event's name or parameter fed by a sensitive input. */
    export const PhiSensitiveValue = 'phi-sensitive-value';
    /** PHI linter: an event name (or literal parameter) naming a condition or treatment; `data.suggestions` holds generic names. */
    export const PhiRevealingName = 'phi-revealing-name';
    /** PHI linter: a tracked event without braces listing the parameters it may export. */
    export const MissingAllowList = 'missing-allow-list';
    export const UnknownBuiltIn = 'unknown-built-in';
    export const DuplicateTrackedEvent = 'duplicate-tracked-event';
    export const DuplicateTrackParam = 'duplicate-track-param';
    /** A split's weights do not add up to 100; `data.suggestion` is the last weight that makes them. */
    export const SplitWeights = 'split-weights';
    /** A split with fewer than 2 arms, or more than 4. */
    export const SplitArmCount = 'split-arm-count';
    export const DuplicateArm = 'duplicate-arm';
    /** A split without `measure`: nothing tells which goal decides the experiment. */
    export const MissingMeasure = 'missing-measure';
    /** No arm of a split can reach a box marking its measured goal. */
    export const UnreachableMeasure = 'unreachable-measure';
    /** An arm's box is also reached without passing its split: the arm's chats would be mixed with others. */
    export const ContaminatedArm = 'contaminated-arm';
    /** A test step `arm x` naming no arm of the flow's splits. */
    export const UnknownArm = 'unknown-arm';
    /** A test passes a split without choosing an arm, and its result depends on the arm drawn. */
    export const TestWithoutArm = 'test-without-arm';
}

/** The `code` and `data` of a diagnostic; `data.suggestion` carries a "did you mean" for the quick fix. */
export function issue(code: string, data: Record<string, unknown> = {}): { code: string; data: Record<string, unknown> } {
    return { code, data: { ...data, code } };
}
