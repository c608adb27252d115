import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import { isBox, isFlow, type Box } from '../../language/generated/ast.js';
import { addAliasEdit } from '../../language/validation/fix-edits.js';
import type { UnmatchedStep } from '../../analytics/model.js';
import type { AnalyticsService } from './analytics-service.js';
import { resemblance } from './step-resemblance.js';

/** Alias offers per box at most: the steps that resemble it best. */
const OFFERS = 3;

/**
 * The language's code actions, plus, on a box, "Add alias 'Insurance Check'" for the logged steps
 * no box matched whose words resemble the box's (name, text, retry text, aliases). Registered by
 * the server in place of the language's provider, which it wraps: language/ knows no store.
 * Adding the alias is all it takes: the server re-maps the stored events once the edit is built
 * (remap-on-alias.ts).
 */
export class AnalyticsCodeActionProvider implements CodeActionProvider {
    constructor(private readonly language: CodeActionProvider, private readonly analytics: () => AnalyticsService) {}

    async getCodeActions(document: LangiumDocument, params: CodeActionParams): Promise<Array<Command | CodeAction> | undefined> {
        const own = (await (this.language.getCodeActions(document, params) as MaybePromise<Array<Command | CodeAction> | undefined>)) ?? [];
        const box = boxAt(document, params);
        if (!box) return own;
        return [...own, ...await this.aliasOffers(document, box)];
    }

    private async aliasOffers(document: LangiumDocument, box: Box): Promise<CodeAction[]> {
        let steps: UnmatchedStep[];
        try {
            const opened = await this.analytics().open();
            if ('available' in opened) return [];
            steps = await opened.store.unmatchedSteps();
        } catch {
            return []; // No numbers now (the store is being imported into, or unreachable): no offers, no error in the editor.
        }
        const flow = AstUtils.getContainerOfType(box, isFlow)?.name ?? '';
        const words = [box.name, box.text ?? '', ...box.aliases, ...('retry' in box ? box.retry : [])].join(' ');
        const known = new Set(box.aliases);
        return steps
            .filter(step => step.step !== '' && (step.flow === flow || step.flow === '') && !known.has(step.step))
            .map(step => ({ step, score: resemblance(step.step, words) }))
            .filter(offer => offer.score > 0)
            .sort((a, b) => b.score - a.score || b.step.events - a.step.events)
            .slice(0, OFFERS)
            .flatMap(({ step }) => {
                const edit = addAliasEdit(document, box, step.step);
                if (!edit) return [];
                return [{
                    title: `Add alias '${step.step}' (${step.events.toLocaleString('en-US')} logged events, no box)`,
                    kind: CodeActionKind.QuickFix,
                    edit: { changes: { [document.textDocument.uri]: [edit] } }
                }];
            });
    }
}

/** The box the cursor (the start of the range) is in. */
function boxAt(document: LangiumDocument, params: CodeActionParams): Box | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.range.start));
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, isBox) : undefined;
}
