import type { LangiumDocument } from 'langium';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { FlowContext } from '../../analytics/flow-context.js';
import { ChatflowCodeActionProvider } from '../../language/chatflow-code-actions.js';
import type { ChatflowServices } from '../../language/chatflow-module.js';
import { EXPERIMENT_CONCLUDED_COMMAND, type ExperimentConcludedArgs } from '../../language/experiments/promote-arm.js';
import type { ConcludeExperimentParams } from '../protocol.js';
import type { AnalyticsService } from './analytics-service.js';

/**
 * The language's code actions, with the numbers of the experiment attached to "Promote arm …":
 * taken now, while the split is still in the text (after the edit it is gone), so the store
 * records what the decision was made on.
 */
export class ExperimentCodeActionProvider extends ChatflowCodeActionProvider {
    constructor(services: ChatflowServices, private readonly analytics: () => AnalyticsService) {
        super(services);
    }

    override async getCodeActions(document: LangiumDocument, params: CodeActionParams): Promise<Array<Command | CodeAction> | undefined> {
        const actions = await super.getCodeActions(document, params);
        const promotions = (actions ?? []).filter((a): a is CodeAction => 'command' in a && typeof a.command === 'object' && a.command?.command === EXPERIMENT_CONCLUDED_COMMAND);
        if (promotions.length === 0) return actions;
        const analytics = this.analytics();
        const opened = await analytics.open();
        if ('available' in opened) return actions;
        const experiments = await opened.store.experiments(new FlowContext(analytics.graphsOf(document)), opened.settings.filter);
        for (const action of promotions) {
            const args = action.command!.arguments![0] as ExperimentConcludedArgs;
            const result = experiments.find(e => e.split === args.split);
            action.command!.arguments = [{ ...args, ...(result ? { result } : {}) } satisfies ConcludeExperimentParams];
        }
        return actions;
    }
}
