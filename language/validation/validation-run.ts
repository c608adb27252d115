import { AstUtils, DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isChatflowDocument, isFlow, isGoal, type Box, type BoxRef, type ChatflowDocument, type Flow } from '../generated/ast.js';
import { analyzeFlow, type FlowAnalysis } from '../flow-analysis.js';
import { boxId } from '../chatflow-names.js';
import { buildValidationGraph, type ValidationGraph } from './analysis-graph.js';
import { forEachTransition } from './transitions.js';

/** What the validation of one flow knows: its graph, the analysis, and its boxes by id. */
export interface FlowFacts {
    graph: ValidationGraph;
    analysis: FlowAnalysis;
    boxes: Map<string, Box>;
    /**
     * True when a transition of the flow does not resolve (or the start is missing): reachability
     * is then unknown, so warnings derived from it are left out instead of cascading.
     */
    incomplete: boolean;
}

/**
 * Facts computed once per validation run of a document: one scan of the loaded workspace
 * (goal marks, boxes entered from other flows) and, lazily, one graph and analysis per flow.
 * Checks of single nodes read from here instead of scanning the flow again.
 */
export class ValidationRun {
    /** Goal name -> boxes marking it, in every loaded document. */
    readonly goalMarks = new Map<string, Box[]>();
    /** Box ids of this document's flows that boxes of other flows lead into. */
    readonly entriesFromOtherFlows = new Map<Flow, Set<string>>();
    /**
     * True when this document's diagnostics depend on other documents (goals it declares, boxes
     * other flows lead into, unreachable boxes another file could start leading into, names also
     * declared elsewhere): it is validated again when another document changes.
     */
    dependsOnOtherDocuments: boolean;
    private readonly flows = new Map<Flow, FlowFacts>();

    constructor(readonly root: ChatflowDocument, documents: LangiumDocuments) {
        for (const document of documents.all) {
            const other = document.parseResult.value;
            if (isChatflowDocument(other)) this.scan(other, document);
        }
        this.dependsOnOtherDocuments = this.entriesFromOtherFlows.size > 0 || root.elements.some(isGoal);
    }

    flow(flow: Flow): FlowFacts {
        let facts = this.flows.get(flow);
        if (!facts) {
            const { graph, boxes, unresolved } = buildValidationGraph(flow);
            const incomplete = graph.start === undefined || unresolved;
            const analysis = analyzeFlow(graph, this.entriesFromOtherFlows.get(flow) ?? []);
            facts = { graph, analysis, boxes, incomplete };
            this.flows.set(flow, facts);
        }
        return facts;
    }

    /** A transition from `flow` into a box of another flow of this document. */
    private noteEntry(ref: BoxRef, flow: Flow): void {
        // Only a qualified name `Flow.box` can lead into another flow: skip resolving the rest.
        if (!ref.box?.$refText.includes('.')) return;
        const target = ref.box.ref;
        if (!target || target.$container === flow || AstUtils.findRootNode(target) !== this.root) return;
        let entries = this.entriesFromOtherFlows.get(target.$container);
        if (!entries) this.entriesFromOtherFlows.set(target.$container, entries = new Set());
        entries.add(boxId(target));
    }

    private scan(root: ChatflowDocument, document: LangiumDocument): void {
        const linked = document.state >= DocumentState.Linked || root === this.root;
        for (const flow of root.elements) {
            if (!isFlow(flow)) continue;
            const noteEntry = (ref: BoxRef) => this.noteEntry(ref, flow);
            for (const box of flow.boxes) {
                for (const goal of box.goals) {
                    const marks = this.goalMarks.get(goal.$refText);
                    if (marks) marks.push(box); else this.goalMarks.set(goal.$refText, [box]);
                }
                if (!linked) continue;
                forEachTransition(box, noteEntry);
            }
        }
    }
}

/** The references by which a box leads on: `->`, choice options, branches, else, outcomes. */
export function transitions(box: Box): BoxRef[] {
    const refs: BoxRef[] = [];
    forEachTransition(box, ref => refs.push(ref));
    return refs;
}
