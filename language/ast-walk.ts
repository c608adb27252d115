import { Cancellation, interruptAndCheck, isAstNode, type AstNode } from 'langium';

/** How many nodes are visited between two checks for cancellation (and yields to the event loop). */
const POLL_EVERY = 500;

/**
 * Visits `root` and every node below it depth-first in document order (as AstUtils.streamAst
 * lists them), polling for cancellation every 500 nodes. Langium's own loops over a whole
 * document (local symbols, linking, reference descriptions) create an iterator per node and
 * await `interruptAndCheck` per node: on a 5,000-box flow (~100,000 nodes) that is a promise and
 * a stream per node on every keystroke.
 */
export async function walkAst(root: AstNode, visit: (node: AstNode) => void, cancelToken = Cancellation.CancellationToken.None, withRoot = true): Promise<void> {
    const stack: AstNode[] = [];
    if (withRoot) stack.push(root);
    else pushChildren(root, stack);
    let visited = 0;
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (++visited % POLL_EVERY === 0) await interruptAndCheck(cancelToken);
        visit(node);
        pushChildren(node, stack);
    }
}

/** Pushes the child nodes of `node` so that they pop in document order (as AstUtils.streamContents lists them). */
export function pushChildren(node: AstNode, stack: AstNode[]): void {
    const start = stack.length;
    for (const key of Object.keys(node)) {
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) stack.push(item);
        } else if (isAstNode(value)) {
            stack.push(value);
        }
    }
    // Reverse the pushed range so that the first child is on top.
    for (let i = start, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]];
}
