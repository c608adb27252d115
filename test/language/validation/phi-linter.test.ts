import * as assert from 'node:assert';
import { TextDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { PHI_TERMS, revealingTerm } from '../../../language/tracking/phi-terms.js';
import { graphOf } from '../build-graph.js';
import { edit, fixture, issues, listDiagnostics, none, services, shared, single, validate, type Doc } from './validate.js';

const clinic = fixture('tracked-clinic.chatflow');
const GA4_APPOINTMENT = 'ga4 "generate_lead" { value: 1, currency: "USD", flow_version: flow.version, booked_on: goal.day }';

/** The clinic with the appointment's GA4 event line replaced. */
function withGa4(line: string): string {
    return edit(clinic, GA4_APPOINTMENT, line);
}

async function fixesFor(document: Doc, code: string): Promise<CodeAction[]> {
    const diagnostic = single(document, code);
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    });
    return (actions ?? []) as CodeAction[];
}

function apply(document: Doc, action: CodeAction): string {
    return TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.textDocument.uri]);
}

describe('PHI linter (track blocks)', () => {
    it('accepts literal names, built-ins and declared allow-lists', async () => {
        const document = await validate(clinic);
        assert.deepStrictEqual(document.diagnostics, [], listDiagnostics(document));
    });

    it('reports an event name taken from a variable, a {variable} or a box text', async () => {
        const variable = single(await validate(withGa4('ga4 insurance { value: 1 }')), IssueCodes.PhiDynamicValue);
        assert.strictEqual(variable.severity, 1);
        assert.strictEqual(variable.text, 'insurance');
        assert.match(variable.message, /event name is built from variable 'insurance', an answer the patient gave/);

        const interpolated = single(await validate(withGa4('ga4 "booked_{first_name}" { value: 1 }')), IssueCodes.PhiDynamicValue);
        assert.strictEqual(interpolated.text, '"booked_{first_name}"');

        const boxText = single(await validate(withGa4('ga4 text(ask_reason) { value: 1 }')), IssueCodes.PhiDynamicValue);
        assert.strictEqual(boxText.text, 'text(ask_reason)');
        assert.match(boxText.message, /text of box 'ask_reason'/);
    });

    it('reports a parameter built from an answer, and one fed by a sensitive input as such', async () => {
        const plan = await validate(withGa4('ga4 "generate_lead" { value: 1, plan: insurance }'));
        assert.strictEqual(single(plan, IssueCodes.PhiDynamicValue).text, 'insurance');
        none(plan, IssueCodes.PhiSensitiveValue);

        const reason = single(await validate(withGa4('ga4 "generate_lead" { value: 1, reason: reason }')), IssueCodes.PhiSensitiveValue);
        assert.strictEqual(reason.severity, 1);
        assert.match(reason.message, /Parameter 'reason' is fed by 'reason', a sensitive answer/);

        // Not declared sensitive, but saved by an input marked sensitive: just as protected.
        const savedSensitive = edit(edit(clinic, 'input ask_name "What\'s your first name?" {', 'input ask_name "What\'s your first name?" sensitive {'),
            GA4_APPOINTMENT, 'ga4 "generate_lead" { who: "{first_name}" }');
        assert.strictEqual(single(await validate(savedSensitive), IssueCodes.PhiSensitiveValue).text, '"{first_name}"');
    });

    it('warns about event names that reveal a condition or treatment, not about generic ones', async () => {
        const ga4 = single(await validate(withGa4('ga4 "diabetes_consult_booked" { value: 1 }')), IssueCodes.PhiRevealingName);
        assert.strictEqual(ga4.severity, 2);
        assert.strictEqual(ga4.text, '"diabetes_consult_booked"');
        assert.match(ga4.message, /reveals a health condition or treatment \('diabetes'\) to Google/);

        const meta = single(await validate(edit(clinic, 'meta "Schedule" { }', 'meta "BookInsulinPumpTraining" { }')), IssueCodes.PhiRevealingName);
        assert.match(meta.message, /'insulin'\) to Meta/);

        for (const name of ['lead_scheduled', 'standard_visit_booked', 'prepare_first_visit', 'schedule']) {
            none(await validate(withGa4(`ga4 "${name}" { value: 1 }`)), IssueCodes.PhiRevealingName);
        }
    });

    it('warns when goal.name would send a goal name that reveals a condition', async () => {
        const revealing = edit(edit(edit(clinic, 'goal appointment "Appointment booked"', 'goal diabetes_consult "Diabetes consult booked"'),
            'goal appointment\n', 'goal diabetes_consult\n'), 'track appointment {', 'track diabetes_consult {');
        none(await validate(revealing), IssueCodes.PhiRevealingName);
        const sent = single(await validate(edit(revealing, GA4_APPOINTMENT, 'ga4 "generate_lead" { goal: goal.name }')), IssueCodes.PhiRevealingName);
        assert.strictEqual(sent.text, 'goal.name');
        assert.match(sent.message, /goal.name sends "diabetes_consult"/);
    });

    it('matches terms as whole words, across snake, kebab and camel case', () => {
        assert.ok(PHI_TERMS.length >= 100, `only ${PHI_TERMS.length} terms`);
        assert.strictEqual(revealingTerm('std_test_booked'), 'std');
        assert.strictEqual(revealingTerm('hivTestBooked'), 'hiv');
        assert.strictEqual(revealingTerm('heart-attack-follow-up'), 'heart attack');
        assert.strictEqual(revealingTerm('Prenatal Visit'), 'prenatal');
        assert.strictEqual(revealingTerm('standard_checkup'), undefined);
        assert.strictEqual(revealingTerm('Schedule'), undefined);
        assert.strictEqual(revealingTerm('generate_lead'), undefined);
        assert.strictEqual(revealingTerm('chemistry_class'), undefined);
    });

    it('also warns about words the workspace adds in chatflow.privacy.sensitiveTerms', async () => {
        const text = withGa4('ga4 "endocrine_visit_booked" { value: 1 }');
        none(await validate(text), IssueCodes.PhiRevealingName);
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { chatflow: { privacy: { sensitiveTerms: ['endocrine', 'weight clinic'] } } } });
        try {
            const warned = single(await validate(text), IssueCodes.PhiRevealingName);
            assert.match(warned.message, /'endocrine'/);
            assert.strictEqual(issues(await validate(withGa4('ga4 "weight-clinic-lead" { value: 1 }')), IssueCodes.PhiRevealingName).length, 1);
        } finally {
            shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { chatflow: { privacy: {} } } });
        }
        none(await validate(text), IssueCodes.PhiRevealingName);
    });

    it('warns about an event without an allow-list of parameters; empty braces are an allow-list', async () => {
        const missing = single(await validate(edit(clinic, 'meta "Schedule" { }', 'meta "Schedule"')), IssueCodes.MissingAllowList);
        assert.strictEqual(missing.severity, 2);
        assert.strictEqual(missing.text, 'meta');
        none(await validate(clinic), IssueCodes.MissingAllowList);
    });

    it('reports unknown built-ins, a platform twice for a goal and a parameter twice', async () => {
        const builtIn = single(await validate(withGa4('ga4 "generate_lead" { owner: flow.owner }')), IssueCodes.UnknownBuiltIn);
        assert.match(builtIn.message, /'flow.owner' is not a built-in/);
        const twice = await validate(edit(clinic, 'meta "Schedule" { }', 'meta "Schedule" { }\n        meta "Lead" { }'));
        assert.strictEqual(single(twice, IssueCodes.DuplicateTrackedEvent).text, 'meta');
        const param = await validate(withGa4('ga4 "generate_lead" { value: 1, value: 2 }'));
        assert.strictEqual(single(param, IssueCodes.DuplicateTrackParam).text, 'value');
    });

    it('quick fix: replaces a revealing name with a generic GA4 or Meta event name', async () => {
        const ga4 = await validate(withGa4('ga4 "oncology_consult_booked" { value: 1 }'));
        const ga4Fixes = await fixesFor(ga4, IssueCodes.PhiRevealingName);
        assert.deepStrictEqual(ga4Fixes.map(a => a.title), ['Use the generic event name "generate_lead"', 'Use the generic event name "sign_up"']);
        assert.strictEqual(ga4Fixes[0].isPreferred, true);
        const fixed = apply(ga4, ga4Fixes[0]);
        assert.strictEqual(fixed, withGa4('ga4 "generate_lead" { value: 1 }'));
        const again = await validate(fixed);
        assert.deepStrictEqual(again.diagnostics, [], listDiagnostics(again));

        const meta = await validate(edit(clinic, 'meta "Schedule" { }', 'meta "ChemotherapyIntake" { }'));
        const metaFixes = await fixesFor(meta, IssueCodes.PhiRevealingName);
        assert.deepStrictEqual(metaFixes.map(a => a.title.replace('Use the generic event name ', '')), ['"Lead"', '"Schedule"', '"Contact"']);
        assert.strictEqual(apply(meta, metaFixes[0]), edit(clinic, 'meta "Schedule" { }', 'meta "Lead" { }'));
    });

    it('quick fix: an empty allow-list for an event that declares none', async () => {
        const document = await validate(edit(clinic, 'meta "Contact" { }', 'meta "Contact"'));
        const [action] = await fixesFor(document, IssueCodes.MissingAllowList);
        assert.strictEqual(action.title, 'Export no parameters (empty allow-list)');
        assert.strictEqual(apply(document, action), edit(clinic, 'meta "Contact" { }', 'meta "Contact" {}'));
    });

    it('puts the track blocks into the FlowGraph', async () => {
        const graph = await graphOf(clinic);
        assert.deepStrictEqual(graph.tracks?.map(t => ({ goal: t.goal, events: t.events.map(e => ({ platform: e.platform, name: e.name, params: e.params?.map(p => [p.name, p.value]) })) })), [
            { goal: 'appointment', events: [
                { platform: 'ga4', name: { kind: 'literal', value: 'generate_lead' }, params: [
                    ['value', { kind: 'literal', value: 1 }], ['currency', { kind: 'literal', value: 'USD' }],
                    ['flow_version', { kind: 'builtin', name: 'flow.version' }], ['booked_on', { kind: 'builtin', name: 'goal.day' }]
                ] },
                { platform: 'meta', name: { kind: 'literal', value: 'Schedule' }, params: [] }
            ] },
            { goal: 'callback', events: [
                { platform: 'ga4', name: { kind: 'literal', value: 'request_callback' }, params: [['flow', { kind: 'builtin', name: 'flow.name' }]] },
                { platform: 'meta', name: { kind: 'literal', value: 'Contact' }, params: [] }
            ] }
        ]);
        const untracked = await graphOf(fixture('dental.chatflow'));
        assert.strictEqual(untracked.tracks, undefined);
    });
});
