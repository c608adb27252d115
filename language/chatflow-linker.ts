import { AstUtils, Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { walkAst } from './ast-walk.js';

/** Langium's linking loop without a stream and an awaited promise per node (see ast-walk.ts). */
export class ChatflowLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await walkAst(document.parseResult.value, node => AstUtils.streamReferences(node).forEach(ref => this.doLink(ref, document)), cancelToken);
    }
}

/** The reference index of a document (find references, rename), built with the same walk. */
export class ChatflowReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await walkAst(document.parseResult.value, node => AstUtils.streamReferences(node).forEach(refInfo => {
            if (!refInfo.reference.error) descriptions.push(...this.createInfoDescriptions(refInfo));
        }), cancelToken);
        return descriptions;
    }
}
