/**
 * FlowGraph: the one model of a flow, as plain JSON. The server builds it from the AST
 * (flow-graph.ts); the simulator runs it, the webview draws it, analytics joins on its box ids,
 * the CLI prints it. No Langium types here: the webview bundle imports this file.
 */

export type BoxKind = 'message' | 'choice' | 'input' | 'condition' | 'action' | 'handoff' | 'end' | 'split';

/** End and handoff boxes close a chat: a chat that stops there finished, it did not drop out (DESIGN's drop-out). */
export function closesChat(kind: BoxKind): boolean {
    return kind === 'end' || kind === 'handoff';
}
export type VariableType = 'text' | 'number' | 'email' | 'phone' | 'date' | 'yesno';
export type LiteralValue = string | number | boolean;

/** A zero-based LSP-style position and range, with the document it lies in. */
export interface Position { line: number; character: number }
export interface SourceRange { uri: string; start: Position; end: Position }

export type InputValidation =
    | { kind: 'range'; min: number; max: number }
    | { kind: 'pattern'; pattern: string };

export interface InputSpec {
    variable?: string;
    type: VariableType;
    sensitive: boolean;
    validation?: InputValidation;
    retry?: string;
}

export interface Assignment { variable: string; value: LiteralValue }

/** One arm of a split: its name, its weight in percent, and the box id it leads to. */
export interface SplitArmSpec { name: string; weight: number; to: string }

/** A split box's experiment: the goal it decides on, its arms, and where it stops. */
export interface SplitSpec {
    measure?: string;
    arms: SplitArmSpec[];
    /** `stop at N chats`: the planned sample size. */
    stopAt?: number;
}

export interface FlowBox {
    /** Qualified name `Flow.box`: stable across edits that do not rename the box. */
    id: string;
    name: string;
    flow: string;
    kind: BoxKind;
    /** Short display label: the box name. */
    label: string;
    /** Display text with `{variable}` placeholders, if any. */
    text?: string;
    goals: string[];
    aliases: string[];
    assignments: Assignment[];
    input?: InputSpec;
    call?: string;
    queue?: string;
    split?: SplitSpec;
    range: SourceRange;
    nameRange: SourceRange;
    /** True for boxes of another flow, included because this flow leads into them. */
    external?: boolean;
}

export type EdgeKind = 'next' | 'choice' | 'branch' | 'else' | 'outcome' | 'arm';
export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains';

export type ConditionExpr =
    | { op: 'and' | 'or'; left: ConditionExpr; right: ConditionExpr }
    | { op: 'not'; operand: ConditionExpr }
    | { op: 'compare'; variable: string; operator?: ComparisonOperator; value?: LiteralValue };

export interface FlowEdge {
    /** `from:kind:label-or-target`: stable across unrelated edits. */
    id: string;
    from: string;
    to: string;
    kind: EdgeKind;
    /** Choice text, outcome name, arm name, or the condition as written. */
    label?: string;
    condition?: ConditionExpr;
    /** An arm's weight in percent. */
    weight?: number;
    range: SourceRange;
}

export interface FlowGoal { name: string; label?: string; range?: SourceRange }

export interface FlowVariable {
    name: string;
    type: VariableType;
    sensitive: boolean;
    default?: LiteralValue;
    range: SourceRange;
}

export type TestStepSpec =
    | { kind: 'choose'; label: string; range: SourceRange }
    | { kind: 'answer'; value: LiteralValue; range: SourceRange }
    | { kind: 'outcome'; outcome: string; range: SourceRange }
    /** The next split the chat reaches takes this arm. */
    | { kind: 'arm'; arm: string; range: SourceRange }
    | { kind: 'expectBox'; box: string; range: SourceRange }
    | { kind: 'expectGoal'; goal: string; range: SourceRange }
    | { kind: 'expectEnd'; range: SourceRange }
    | { kind: 'expectVariable'; variable: string; value: LiteralValue; range: SourceRange };

export interface FlowTest {
    name: string;
    /** Box id the test starts from; the flow's start when absent. */
    from?: string;
    range: SourceRange;
    steps: TestStepSpec[];
}

/** What an outbound event name or parameter is made of (`track` blocks). */
export type TrackValueSpec =
    | { kind: 'literal'; value: LiteralValue }
    | { kind: 'builtin'; name: TrackBuiltIn }
    | { kind: 'variable'; variable: string; sensitive: boolean }
    | { kind: 'boxText'; box: string }
    /** A `flow.x` / `goal.x` that is not a built-in (reported by validation). */
    | { kind: 'unknown'; text: string };

/** Facts about a conversion (not about the patient) that an export may send. */
export type TrackBuiltIn = 'flow.name' | 'flow.version' | 'goal.name' | 'goal.day';
export const TRACK_BUILT_INS: readonly TrackBuiltIn[] = ['flow.name', 'flow.version', 'goal.name', 'goal.day'];

export type TrackPlatform = 'ga4' | 'meta';

export interface TrackParam { name: string; value: TrackValueSpec; range: SourceRange }

export interface TrackedEvent {
    platform: TrackPlatform;
    name: TrackValueSpec;
    /** The allow-list: the only parameters exported. Undefined when the event declares none (no braces). */
    params?: TrackParam[];
    range: SourceRange;
}

/** `track goal { ... }`: the outbound events a goal's conversions are exported as. */
export interface FlowTrack { goal: string; events: TrackedEvent[]; range: SourceRange }

export interface FlowGraph {
    flow: string;
    label?: string;
    uri: string;
    range: SourceRange;
    start?: string;
    boxes: FlowBox[];
    edges: FlowEdge[];
    goals: FlowGoal[];
    variables: FlowVariable[];
    tests: FlowTest[];
    /** The flow's `track` blocks; absent when it has none. */
    tracks?: FlowTrack[];
}

/** A short description of a problem, for clients that show "the first errors". */
export interface ProblemSummary {
    message: string;
    line: number;
    character: number;
    code?: string;
}

/** Every flow of one document. `flows` is absent while the document has errors. */
export interface DocumentFlows {
    uri: string;
    version: number;
    flows?: FlowGraph[];
    errors: ProblemSummary[];
}
