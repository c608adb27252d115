import { AstUtils, type AstNode } from 'langium';
import { ChatflowHoverProvider } from '../../language/chatflow-hover.js';
import type { ChatflowServices } from '../../language/chatflow-module.js';
import { isBox, type Box } from '../../language/generated/ast.js';
import type { AnalyticsService } from './analytics-service.js';
import { fixFirstHover } from './fix-first-words.js';

/**
 * The language's hover, plus on a box of its flow's fix-first list its rank and the conversions
 * its drop-outs lost, in the shared scope (none while the overlay is off or there is no store).
 */
export class AnalyticsHoverProvider extends ChatflowHoverProvider {
    constructor(services: ChatflowServices, private readonly analytics: () => AnalyticsService) {
        super(services);
    }

    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const content = await super.getAstNodeHoverContent(node);
        if (!content || !isBox(node)) return content;
        const fixFirst = await this.fixFirst(node);
        return fixFirst ? `${content}\n\n---\n\n${fixFirst}` : content;
    }

    private async fixFirst(box: Box): Promise<string | undefined> {
        const analytics = this.analytics();
        if (!(await analytics.settings()).overlay) return undefined;
        const document = AstUtils.getDocument(box);
        const graph = analytics.graphsOf(document).find(g => g.flow === box.$container.name && g.uri === document.uri.toString());
        if (!graph) return undefined;
        const list = await analytics.fixFirst(graph);
        if (!list) return undefined;
        const id = `${graph.flow}.${box.name}`;
        return fixFirstHover(list.rows, id, graph.goals, { uri: graph.uri, box: id }, list.scope);
    }
}
