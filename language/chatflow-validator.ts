import { DocumentState, URI, type AstNode, type ConfigurationProvider, type IndexManager, type LangiumDocument, type LangiumDocuments, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { ChatflowAstType, ChatflowDocument } from './generated/ast.js';
import type { ChatflowServices } from './chatflow-module.js';
import { ValidationRun } from './validation/validation-run.js';
import { checkDocumentNames, checkFlowNames, checkChoiceLabels } from './validation/name-checks.js';
import { checkStarts, checkRepeatedStatements, checkInputSaves, checkConditionElse } from './validation/box-checks.js';
import { checkFlowGraph, checkGoals } from './validation/graph-checks.js';
import { checkUnassignedUses, checkInterpolations } from './validation/variable-checks.js';
import { checkAssignment, checkComparison, checkExpectVariable, checkVariableDefault } from './validation/literal-checks.js';
import { checkPattern, checkRange } from './validation/input-validation-checks.js';
import { checkTests } from './validation/test-checks.js';
import { checkBranchFeasibility } from './validation/feasibility-checks.js';
import { checkTrack, checkTrackedEvent } from './validation/phi-checks.js';
import { checkArmSteps, checkSplit, checkSplitsInFlow } from './validation/split-checks.js';
import { checkSplitTests } from './validation/split-test-checks.js';

export { IssueCodes, issue } from './validation/issue-codes.js';

export function registerValidationChecks(services: ChatflowServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.ChatflowValidator;
    const checks: ValidationChecks<ChatflowAstType> = {
        ChatflowDocument: (root, accept) => {
            if (checkDocumentNames(root, accept, validator.indexManager)) validator.run(root).dependsOnOtherDocuments = true;
        },
        Flow: [
            checkStarts, checkFlowNames,
            (flow, accept) => checkFlowGraph(flow, validator.run(flow), accept),
            (flow, accept) => checkUnassignedUses(flow, validator.run(flow).flow(flow), accept),
            (flow, accept) => checkTests(flow, validator.run(flow).flow(flow), accept),
            (flow, accept) => checkBranchFeasibility(flow, validator.run(flow), accept),
            (flow, accept) => checkSplitsInFlow(flow, validator.run(flow).flow(flow), accept),
            checkArmSteps,
            (flow, accept) => checkSplitTests(flow, services.flow.FlowGraphs, accept)
        ],
        MessageBox: [checkRepeatedStatements, checkInterpolations],
        ChoiceBox: [checkChoiceLabels, checkInterpolations],
        InputBox: [checkRepeatedStatements, checkInputSaves, checkInterpolations],
        ConditionBox: [checkRepeatedStatements, checkConditionElse, checkInterpolations],
        ActionBox: [checkRepeatedStatements, checkInterpolations],
        HandoffBox: [checkRepeatedStatements, checkInterpolations],
        EndBox: checkInterpolations,
        SplitBox: [checkRepeatedStatements, checkSplit, checkInterpolations],
        Variable: checkVariableDefault,
        Assignment: checkAssignment,
        Comparison: checkComparison,
        RangeValidation: checkRange,
        PatternValidation: checkPattern,
        ExpectVariable: checkExpectVariable,
        Track: checkTrack,
        TrackedEvent: async (event, accept) => checkTrackedEvent(event, accept, await validator.sensitiveTerms())
    };
    registry.register(checks, validator);
    registry.registerBeforeDocument((root) => validator.startRun(root as ChatflowDocument));
    registry.registerAfterDocument((root, accept) => validator.finishRun(root as ChatflowDocument, accept));
    // Langium re-validates documents that reference a changed one; ours also depend the other way
    // round (a goal declared here, marked there; a box here that a flow there leads into).
    const builder = services.shared.workspace.DocumentBuilder;
    // A new `chatflow.privacy.sensitiveTerms` changes what the PHI linter reports: validate again.
    services.shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'chatflow') return;
        const tracking = services.shared.workspace.LangiumDocuments.all
            .filter(document => document.state === DocumentState.Validated && document.textDocument.getText().includes('track'))
            .toArray();
        for (const document of tracking) builder.resetToState(document, DocumentState.IndexedReferences);
        if (tracking.length > 0) void builder.update([], []);
    });
    builder.onUpdate((changed, deleted) => {
        const changedUris = new Set([...changed, ...deleted].map(uri => uri.toString()));
        for (const document of validator.documentsDependingOnOthers()) {
            if (!changedUris.has(document.uri.toString()) && document.state === DocumentState.Validated) {
                builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    });
}

/**
 * Holds what one validation run of a document shares between checks (see ValidationRun), so
 * the workspace is scanned and each flow's graph is built and analysed once per run.
 */
export class ChatflowValidator {
    readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly configuration: ConfigurationProvider;
    private readonly runs = new WeakMap<ChatflowDocument, ValidationRun>();
    /** URIs of documents whose last validation depended on other documents. */
    private readonly dependent = new Set<string>();

    constructor(services: ChatflowServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    /** The workspace's own PHI terms (`chatflow.privacy.sensitiveTerms`), added to the built-in list. */
    async sensitiveTerms(): Promise<string[]> {
        const privacy = await this.configuration.getConfiguration('chatflow', 'privacy') as { sensitiveTerms?: unknown } | undefined;
        const terms = privacy?.sensitiveTerms;
        return Array.isArray(terms) ? terms.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
    }

    startRun(root: ChatflowDocument): void {
        this.runs.set(root, new ValidationRun(root, this.documents));
    }

    run(node: AstNode): ValidationRun {
        const root = rootOf(node);
        let run = this.runs.get(root);
        if (!run) this.runs.set(root, run = new ValidationRun(root, this.documents));
        return run;
    }

    finishRun(root: ChatflowDocument, accept: ValidationAcceptor): void {
        const run = this.run(root);
        checkGoals(root, run, accept);
        const uri = root.$document?.uri.toString();
        if (uri && run.dependsOnOtherDocuments) this.dependent.add(uri); else if (uri) this.dependent.delete(uri);
        this.runs.delete(root);
    }

    documentsDependingOnOthers(): LangiumDocument[] {
        const found: LangiumDocument[] = [];
        for (const uri of this.dependent) {
            const document = this.documents.getDocument(URI.parse(uri));
            if (document) found.push(document); else this.dependent.delete(uri);
        }
        return found;
    }
}

function rootOf(node: AstNode): ChatflowDocument {
    let current = node;
    while (current.$container) current = current.$container;
    return current as ChatflowDocument;
}
