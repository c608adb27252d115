import { AstUtils, DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import { isChatflowDocument, isFlow, isGoal, type Box, type BoxRef, type ChatflowDocument, type Flow } from '../generated/ast.js';
import { analyzeFlow, type FlowAnalysis } from '../flow-analysis.js';
import { boxId } from '../chatflow-names.js';
import { buildValidationGraph, type ValidationGraph } from './analysis-graph.js';

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
            const graph = buildValidationGraph(flow);
            const boxes = new Map<string, Box>();
            for (const box of flow.boxes) {
                if (box.name && !boxes.has(boxId(box))) boxes.set(boxId(box), box);
            }
            const incomplete = graph.start === undefined || flow.boxes.some(hasUnresolvedTransition);
            const analysis = analyzeFlow(graph, this.entriesFromOtherFlows.get(flow) ?? []);
            facts = { graph, analysis, boxes, incomplete };
            this.flows.set(flow, facts);
        }
        return facts;
    }

    private scan(root: ChatflowDocument, document: LangiumDocument): void {
        const linked = document.state >= DocumentState.Linked || root === this.root;
        for (const flow of root.elements) {
            if (!isFlow(flow)) continue;
            for (const box of flow.boxes) {
                for (const goal of box.goals) {
                    const marks = this.goalMarks.get(goal.$refText);
                    if (marks) marks.push(box); else this.goalMarks.set(goal.$refText, [box]);
                }
                if (!linked) continue;
                for (const ref of transitions(box)) {
                    // Only a qualified name `Flow.box` can lead into another flow: skip resolving the rest.
                    if (!ref.box.$refText.includes('.')) continue;
                    const target = ref.box.ref;
                    if (!target || target.$container === flow || AstUtils.findRootNode(target) !== this.root) continue;
                    let entries = this.entriesFromOtherFlows.get(target.$container);
                    if (!entries) this.entriesFromOtherFlows.set(target.$container, entries = new Set());
                    entries.add(boxId(target));
                }
            }
        }
    }
}

/** The references by which a box leads on: `->`, choice options, branches, else, outcomes. */
export function transitions(box: Box): BoxRef[] {
    switch (box.$type) {
        case 'MessageBox':
        case 'InputBox':
            return box.next;
        case 'ChoiceBox':
            return box.options.map(o => o.target);
        case 'ConditionBox':
            return [...box.branches.map(b => b.target), ...box.elseBranch.map(e => e.target)];
        case 'ActionBox':
            return box.outcomes.map(o => o.target);
        default:
            return [];
    }
}

function hasUnresolvedTransition(box: Box): boolean {
    return transitions(box).some(ref => ref.box.ref === undefined);
}
