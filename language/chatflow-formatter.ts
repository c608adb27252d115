import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

/** Formats flows: one statement per line, four-space indentation inside braces. */
export class ChatflowFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // filled in by the formatting work
    }
}
