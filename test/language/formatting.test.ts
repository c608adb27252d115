import * as assert from 'node:assert';
import { readdirSync } from 'node:fs';
import { EmptyFileSystem, TextDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { fixture } from './lsp-workspace.js';

const services = createChatflowServices(EmptyFileSystem).Chatflow;
const formatting = expectFormatting(services);
const options = { insertSpaces: true, tabSize: 4 };

async function format(text: string): Promise<string> {
    const document = await parseHelper(services)(text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatting', () => {
    it('formats a messy dental lead-capture flow: indentation, one statement per line, spacing, blank lines', async () => {
        await formatting({
            before: fixture('test/fixtures/lsp/dental-messy.chatflow'),
            after: fixture('test/fixtures/lsp/dental-formatted.chatflow'),
            disposeAfterCheck: true
        });
    });

    it('leaves an already formatted flow unchanged', async () => {
        const formatted = fixture('test/fixtures/lsp/dental-formatted.chatflow');
        assert.strictEqual(await format(formatted), formatted);
    });

    it('is a no-op on examples/clinic.chatflow', async () => {
        const clinic = fixture('examples/clinic.chatflow');
        assert.strictEqual(await format(clinic), clinic);
    });

    it('is a no-op on every other example flow', async () => {
        // Files only: `npm run demo` imports the sample logs into the folder examples/.chatflow/.
        const examples = readdirSync('examples', { withFileTypes: true })
            .filter(entry => entry.isFile() && entry.name.endsWith('.chatflow') && entry.name !== 'clinic.chatflow').map(entry => entry.name);
        assert.ok(examples.length > 0, 'examples/ holds more flows than the clinic');
        for (const name of examples) {
            const text = fixture(`examples/${name}`);
            assert.strictEqual(await format(text), text, `examples/${name} is not formatted: format it in the editor (Format Document)`);
        }
    });

    it('keeps one blank line between boxes and removes blank lines after { and before }', async () => {
        await formatting({
            before: [
                'flow Clinic {',
                '',
                '    start welcome',
                '    message welcome "Hi!" {',
                '        -> bye',
                '',
                '    }',
                '',
                '',
                '',
                '    end bye',
                '}'
            ].join('\n'),
            after: [
                'flow Clinic {',
                '    start welcome',
                '    message welcome "Hi!" {',
                '        -> bye',
                '    }',
                '',
                '    end bye',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    it('indents comments with the code around them', async () => {
        await formatting({
            before: [
                'flow Clinic {',
                '// the first thing a patient sees',
                '  start welcome',
                '      /* greeting */',
                'message welcome "Hi!" {',
                '-> bye // no menu yet',
                '}',
                'end bye',
                '}'
            ].join('\n'),
            after: [
                'flow Clinic {',
                '    // the first thing a patient sees',
                '    start welcome',
                '    /* greeting */',
                '    message welcome "Hi!" {',
                '        -> bye // no menu yet',
                '    }',
                '    end bye',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    it('does not touch a document with syntax errors', async () => {
        const broken = 'flow Clinic {\n  start welcome\n  message welcome "Hi!" {\n   -> \n}\n';
        assert.strictEqual(await format(broken), broken);
    });
});

describe('formatting track blocks', () => {
    it('puts each tracked event on its own line with its allow-list inline', async () => {
        const messy = `goal appointment "Appointment booked"
flow Booking {
    start confirmed
    message confirmed "Booked." { goal appointment }
  track appointment { ga4 "generate_lead" {value:1,currency : "USD",  flow_version:flow . version}
meta "Schedule"{  }
        }
}
`;
        assert.strictEqual(await format(messy), `goal appointment "Appointment booked"
flow Booking {
    start confirmed
    message confirmed "Booked." {
        goal appointment
    }
    track appointment {
        ga4 "generate_lead" { value: 1, currency: "USD", flow_version: flow.version }
        meta "Schedule" {}
    }
}
`);
    });

    it('is a no-op on the tracked clinic fixture but for its empty allow-lists', async () => {
        const text = fixture('test/fixtures/validation/tracked-clinic.chatflow');
        assert.strictEqual(await format(text), text.replace(/\{ \}/g, '{}'));
    });
});
