import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { closesChat } from '../../language/flow-model.js';
import type { AnalyticsService } from './analytics-service.js';
import { experimentLensTitle } from '../../analytics/experiments/experiment-words.js';
import { boxLensTitle, flowLensTitle } from './box-lens-title.js';
import { boxNumbers, CLEAR_SCOPE_COMMAND, experimentNumbers, outcomeNumbers, scopeLabel, SHOW_CHATS_COMMAND, type ShowChatsArgs } from '../protocol.js';

/**
 * A lens above each box of the document with its numbers; none while there is no database. While
 * the numbers are for the Analytics panel's filter, each flow's first lens says so and clears it.
 */
export class AnalyticsCodeLensProvider implements CodeLensProvider {
    constructor(private readonly analytics: AnalyticsService) {}

    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[] | undefined> {
        if (!(await this.analytics.settings()).overlay) return [];
        const result = await this.analytics.boxStats(document);
        // After the await: the graphs of the document as it is now (or as last linked, mid-edit).
        const graphs = this.analytics.graphsOf(document);
        if (!result.available) return [];
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        // Every lens of the document from the scope the box numbers were read for.
        const experiments = graphs.some(g => g.boxes.some(b => b.kind === 'split')) ? await this.analytics.experiments(document, result.scope) : [];
        const filtered = scopeLabel(result.scope);
        for (const graph of graphs) {
            if (graph.range.uri !== uri) continue;
            const at = { start: graph.range.start, end: graph.range.start };
            if (filtered) lenses.push({ range: at, command: { title: `${filtered} · clear`, command: CLEAR_SCOPE_COMMAND, arguments: [] } });
            const flow = await this.analytics.flowOutcomes(graph, result.scope);
            if (!flow || flow.outcomes.chats === 0) continue;
            const args: ShowChatsArgs = { uri, box: graph.flow, numbers: outcomeNumbers(graph.flow, flow.outcomes) };
            lenses.push({
                range: at,
                command: { title: flowLensTitle(flow.outcomes, flow.fixFirst), command: SHOW_CHATS_COMMAND, arguments: [args] }
            });
        }
        for (const box of graphs.flatMap(g => g.boxes)) {
            if (box.external || box.range.uri !== uri) continue;
            const stats = result.stats[box.id];
            if (!stats) continue;
            const canDropOut = !closesChat(box.kind);
            const args: ShowChatsArgs = { uri, box: box.id, numbers: boxNumbers(stats, canDropOut) };
            lenses.push({
                range: { start: box.range.start, end: box.range.start },
                command: { title: boxLensTitle(stats, canDropOut), command: SHOW_CHATS_COMMAND, arguments: [args] }
            });
            const experiment = experiments.find(e => e.split === box.id);
            if (experiment) {
                const arms: ShowChatsArgs = { uri, box: box.id, numbers: experimentNumbers(experiment) };
                lenses.push({
                    range: { start: box.range.start, end: box.range.start },
                    command: { title: experimentLensTitle(experiment), command: SHOW_CHATS_COMMAND, arguments: [arms] }
                });
            }
        }
        return lenses;
    }
}
