import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { ChatflowDocument } from '../../language/generated/ast.js';

const services = createChatflowServices(EmptyFileSystem).Chatflow;
const parse = parseHelper<ChatflowDocument>(services);

describe('parsing', () => {
    it('parses the clinic example without syntax errors', async () => {
        const doc = await parse(readFileSync('examples/clinic.chatflow', 'utf8'));
        assert.deepStrictEqual(doc.parseResult.lexerErrors, []);
        assert.deepStrictEqual(doc.parseResult.parserErrors.map(e => e.message), []);
        const flow = doc.parseResult.value.elements.find(e => e.$type === 'Flow');
        assert.ok(flow);
    });
});
