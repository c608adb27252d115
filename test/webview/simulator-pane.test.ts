import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { exampleGraph } from '../language/build-graph.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

describe('preview webview: the chat simulator pane', () => {
    let fixture: PreviewFixture;
    let clinic: FlowGraph;
    let preview: PreviewPage;

    const chat = () => preview.page.locator('.cf-chat');
    const choose = (label: string) => chat().locator('.cf-reply button', { hasText: label }).first().click();
    const answer = async (text: string) => {
        await chat().locator('.cf-answer').fill(text);
        await chat().locator('.cf-answer').press('Enter');
    };
    const transcript = () => chat().locator('.cf-transcript li').allTextContents();
    const lit = (selector: string) => preview.page.$$eval(selector, nodes => nodes.map(n => n.getAttribute('data-box') ?? n.getAttribute('data-edge')));

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        fixture = await PreviewFixture.start();
        preview = await fixture.open({ height: 900 });
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        await preview.page.click('[data-action="fit"]');
    });

    beforeEach(async () => {
        await chat().locator('[data-action="restart"]').click();
    });

    after(async () => {
        await fixture?.close();
    });

    it('books an appointment: retries a bad answer, reaches the goal, lights the path on the graph', async () => {
        assert.deepEqual(await transcript(), ["Hi! I'm the Riverside Family Clinic assistant.", 'How can I help you today?']);
        await choose('Book an appointment');
        await answer('no');
        await answer('Jane Doe');
        await answer('1984-03-27');
        await answer('forty-one');
        assert.equal(await chat().locator('.cf-msg.bot.retry').last().textContent(), 'Please enter an age between 0 and 120.');
        await answer('41');
        await answer('yes');
        await answer('Follow-up on blood pressure');
        await choose('Wednesday');
        await answer('(555) 201-3344');
        assert.equal(await chat().locator('.cf-msg.bot').last().textContent(), 'One moment while I find a slot on Wednesday...');
        await choose('booked');

        const badge = chat().locator('.cf-goal-badge[data-goal="appointment"]');
        assert.equal(await badge.textContent(), '★ Appointment booked');
        const lines = await transcript();
        assert.ok(lines.includes("You're booked for Wednesday, Jane Doe! We'll text a reminder to (555) 201-3344."), lines.join('\n'));
        assert.equal(lines[lines.length - 1], 'Chat ended at goodbye.');
        assert.equal(await chat().locator('.cf-reply button, .cf-reply input').count(), 0, 'the chat is closed');

        const path = ['welcome', 'main_menu', 'ask_returning', 'ask_name', 'ask_dob', 'ask_age', 'check_age', 'ask_insured',
            'check_insured', 'ask_symptoms', 'pick_day', 'set_wednesday', 'ask_phone', 'book_slot', 'confirmed', 'goodbye'].map(n => `Clinic.${n}`);
        assert.deepEqual((await lit('.box.lit')).sort(), [...path].sort());
        assert.deepEqual(await lit('.box.current'), ['Clinic.goodbye']);
        const edgeTaken = (from: string, kind: string) => clinic.edges.find(e => e.from === `Clinic.${from}` && e.kind === kind)!.id;
        const litEdges = await lit('.edge.lit');
        assert.ok(litEdges.includes('Clinic.main_menu:choice:Book an appointment'));
        assert.ok(litEdges.includes(edgeTaken('check_age', 'else')), 'the else branch of check_age (41 is not under 18)');
        assert.ok(!litEdges.includes(edgeTaken('check_age', 'branch')));
        assert.ok(litEdges.includes('Clinic.book_slot:outcome:booked'));
        assert.equal(litEdges.length, path.length - 1, 'one lit edge between each pair of lit boxes');
        await preview.screenshot('clinic-chat-appointment');
    });

    it('masks sensitive variables until revealed, and shows the others', async () => {
        await choose('Book an appointment');
        await answer('yes');
        await answer('Sam Lee');
        const row = (name: string) => chat().locator(`tr[data-variable="${name}"]`);
        assert.equal(await row('returning').locator('.cf-var-value').textContent(), 'yes');
        assert.equal(await row('patient_name').locator('.cf-var-value').textContent(), '••••••');
        await row('patient_name').locator('button').click();
        assert.equal(await row('patient_name').locator('.cf-var-value').textContent(), 'Sam Lee');
        await row('patient_name').locator('button').click();
        assert.equal(await row('patient_name').locator('.cf-var-value').textContent(), '••••••');
        assert.equal(await row('date_of_birth').locator('.cf-var-value').textContent(), '—', 'unset');
    });

    it('steps back: undoes the last answer and its goal', async () => {
        await choose('Opening hours and address');
        assert.equal(await chat().locator('.cf-goal-badge[data-goal="question_answered"]').count(), 1);
        assert.ok((await lit('.box.lit')).includes('Clinic.hours'));
        await chat().locator('[data-action="step-back"]').click();
        assert.equal(await chat().locator('.cf-goal-badge').count(), 0);
        assert.deepEqual(await lit('.box.current'), ['Clinic.main_menu']);
        assert.ok(!(await lit('.box.lit')).includes('Clinic.hours'));
        assert.ok(await chat().locator('[data-action="step-back"]').isDisabled(), 'nothing left to undo');
    });

    it('closes the chat on a handoff', async () => {
        await choose('Talk to the front desk');
        const lines = await transcript();
        assert.equal(lines[lines.length - 1], 'Handed off to a human (queue front-desk): the chat is closed.');
        assert.equal(await chat().locator('.cf-reply button').count(), 0);
    });

    it('starts from any box with variables set, picked from the box context menu', async () => {
        await preview.box('Clinic.book_slot').click({ button: 'right' });
        const form = chat().locator('.cf-start-form');
        assert.equal(await form.locator('select').inputValue(), 'Clinic.book_slot');
        await form.locator('input[name="age"]').fill('forty');
        await form.locator('button[type="submit"]').click();
        assert.equal(await form.locator('.cf-form-error').textContent(), "age: 'forty' is not a number.");
        await form.locator('input[name="age"]').fill('');
        await form.locator('input[name="preferred_day"]').fill('Friday');
        await form.locator('input[name="patient_name"]').fill('Ana Ruiz');
        await form.locator('button[type="submit"]').click();
        assert.ok(await form.isHidden());
        assert.deepEqual(await transcript(), [
            'Started at book_slot with patient_name = ••••••, preferred_day = Friday.',
            'One moment while I find a slot on Friday...'
        ]);
        await choose('full');
        assert.equal(await chat().locator('.cf-msg.bot').last().textContent(), 'Sorry, Friday is fully booked.');
        assert.deepEqual(await lit('.box.current'), ['Clinic.slot_full']);
        await chat().locator('[data-action="restart"]').click();
        assert.equal((await transcript())[1], 'One moment while I find a slot on Friday...', 'restart repeats the same start');
        await chat().locator('[data-action="start-from"]').click();
        await form.locator('select').selectOption('Clinic.welcome');
        await form.locator('input[name="preferred_day"]').fill('');
        await form.locator('input[name="patient_name"]').fill('');
        await form.locator('button[type="submit"]').click();
        assert.deepEqual((await transcript()).slice(0, 2), ['Started at welcome.', "Hi! I'm the Riverside Family Clinic assistant."]);
    });
});
