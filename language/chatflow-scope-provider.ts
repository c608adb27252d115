import { AstUtils, DefaultScopeProvider, stream, type AstNode, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';

/**
 * Local scopes as hash maps. Langium's default local scope is a stream scanned per lookup, which
 * makes linking a flow of n boxes O(n²); here each (container, reference type) map is built once
 * per AST (AST nodes are new after every reparse, so the WeakMap never serves stale entries).
 */
export class ChatflowScopeProvider extends DefaultScopeProvider {
    private readonly localMaps = new WeakMap<AstNode, Map<string, Map<string, AstNodeDescription>>>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const layers: Array<Map<string, AstNodeDescription>> = [];
        if (localSymbols) {
            for (let node: AstNode | undefined = context.container; node; node = node.$container) {
                if (localSymbols.has(node)) layers.push(this.localMap(node, referenceType, () => localSymbols.getStream(node!)));
            }
        }
        let result: Scope = this.getGlobalScope(referenceType, context);
        for (let i = layers.length - 1; i >= 0; i--) {
            result = new HashScope(layers[i], result);
        }
        return result;
    }

    private localMap(node: AstNode, referenceType: string, symbols: () => Stream<AstNodeDescription>): Map<string, AstNodeDescription> {
        let byType = this.localMaps.get(node);
        if (!byType) {
            byType = new Map();
            this.localMaps.set(node, byType);
        }
        let map = byType.get(referenceType);
        if (!map) {
            map = new Map();
            for (const description of symbols()) {
                // First declaration wins, as in the default scope; duplicates are reported by validation.
                if (this.reflection.isSubtype(description.type, referenceType) && !map.has(description.name)) {
                    map.set(description.name, description);
                }
            }
            byType.set(referenceType, map);
        }
        return map;
    }
}

class HashScope implements Scope {
    constructor(private readonly elements: Map<string, AstNodeDescription>, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.elements.get(name) ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = this.elements.get(name);
        return stream(local ? [local] : []).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.elements.values()).concat(this.outer.getAllElements());
    }
}
