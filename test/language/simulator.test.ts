import * as assert from 'node:assert';
import { Simulator, type ChatState, type StepResult } from '../../language/simulator.js';
import { exampleGraph, graphOf } from './build-graph.js';

function ok(result: StepResult): ChatState {
    assert.ok(result.ok, result.ok ? '' : result.error);
    return result.state;
}

function lastBot(state: ChatState): string {
    return [...state.transcript].reverse().find(m => m.from === 'bot')!.text;
}

describe('simulator', () => {
    let clinic: Simulator;
    before(async () => { clinic = new Simulator(await exampleGraph('clinic.chatflow')); });

    it('starts at the start box, says its text and follows messages to the first choice', () => {
        const state = clinic.start();
        assert.strictEqual(state.current, 'Clinic.main_menu');
        assert.deepStrictEqual(state.path, ['Clinic.welcome', 'Clinic.main_menu']);
        assert.deepStrictEqual(state.transcript.map(m => m.text), [
            "Hi! I'm the Riverside Family Clinic assistant.", 'How can I help you today?'
        ]);
        assert.strictEqual(state.awaiting?.kind, 'choice');
        assert.deepStrictEqual(state.awaiting.kind === 'choice' && state.awaiting.options.map(o => o.label), [
            'Book an appointment', 'Opening hours and address', 'Insurance questions', 'Something urgent', 'Talk to the front desk'
        ]);
    });

    it('refuses a choice the box does not offer and names the options', () => {
        const result = clinic.choose(clinic.start(), 'Cancel my visit');
        assert.ok(!result.ok);
        assert.match(result.error, /'Cancel my visit' is not offered at Clinic.main_menu/);
        assert.match(result.error, /'Book an appointment'/);
    });

    it('stores typed answers in variables and interpolates them into later text', () => {
        let state = ok(clinic.choose(clinic.start(), 'Book an appointment'));
        state = ok(clinic.answer(state, 'no'));
        assert.strictEqual(state.variables.returning, false);
        state = ok(clinic.answer(state, 'Jane Doe'));
        assert.strictEqual(state.current, 'Clinic.ask_dob');
        assert.strictEqual(lastBot(state), "Thanks Jane Doe. What's your date of birth?");
    });

    it('answers an invalid value with the retry text and stays at the input', () => {
        let state = ok(clinic.choose(clinic.start(), 'Book an appointment'));
        state = ok(clinic.answer(state, 'maybe'));
        assert.strictEqual(state.current, 'Clinic.ask_returning');
        assert.strictEqual(lastBot(state), 'Please answer yes or no.');
        assert.ok(state.transcript.at(-1)!.retry);
        state = ok(clinic.answer(state, 'yes'));
        state = ok(clinic.answer(state, 'Jane Doe'));
        state = ok(clinic.answer(state, '1984-02-30'));
        assert.strictEqual(state.current, 'Clinic.ask_dob', 'February 30th is not a date');
        state = ok(clinic.answer(state, '1984-02-28'));
        state = ok(clinic.answer(state, '130'));
        assert.strictEqual(lastBot(state), 'Please enter an age between 0 and 120.');
        assert.strictEqual(state.variables.age, undefined);
    });

    it('applies a text pattern validation', () => {
        let state = ok(clinic.choose(clinic.start(), 'Book an appointment'));
        state = ok(clinic.answer(state, 'yes'));
        state = ok(clinic.answer(state, '12345'));
        assert.strictEqual(state.current, 'Clinic.ask_name');
        assert.strictEqual(lastBot(state), 'Please type your first and last name.');
    });

    it('evaluates conditions on variables, falling to else', () => {
        const minor = clinic.start('Clinic.check_age', { age: 14 });
        assert.deepStrictEqual(minor.path, ['Clinic.check_age', 'Clinic.minor_notice', 'Clinic.ask_insured']);
        const adult = clinic.start('Clinic.check_age', { age: 40 });
        assert.deepStrictEqual(adult.path, ['Clinic.check_age', 'Clinic.ask_insured']);
        assert.ok(adult.edges.includes('Clinic.check_age:else:else'));
    });

    it('lets the user pick an action outcome, sets variables and reaches goals', () => {
        let state = clinic.start('Clinic.pick_day', { patient_name: 'Jane Doe' });
        state = ok(clinic.choose(state, 'Friday'));
        assert.strictEqual(state.variables.preferred_day, 'Friday');
        state = ok(clinic.answer(state, '+1 555 201 3344'));
        assert.strictEqual(state.awaiting?.kind, 'outcome');
        assert.strictEqual(lastBot(state), 'One moment while I find a slot on Friday...');
        const refused = clinic.outcome(state, 'timeout');
        assert.ok(!refused.ok && /outcomes are 'booked', 'full', 'error'/.test(refused.error));
        state = ok(clinic.outcome(state, 'booked'));
        assert.deepStrictEqual(state.goals, ['appointment']);
        assert.strictEqual(state.status, 'ended');
        assert.strictEqual(state.current, 'Clinic.goodbye');
    });

    it('closes the chat at a handoff and refuses further input', () => {
        const state = ok(clinic.choose(clinic.start(), 'Talk to the front desk'));
        assert.strictEqual(state.status, 'handoff');
        const after = clinic.choose(state, 'Book an appointment');
        assert.ok(!after.ok && /has ended at Clinic.front_desk/.test(after.error));
    });

    it('steps back by returning to an earlier state, which no later step changed', () => {
        const history: ChatState[] = [clinic.start()];
        history.push(ok(clinic.choose(history.at(-1)!, 'Book an appointment')));
        history.push(ok(clinic.answer(history.at(-1)!, 'yes')));
        history.pop();
        const back = history.at(-1)!;
        assert.strictEqual(back.current, 'Clinic.ask_returning');
        assert.strictEqual(back.variables.returning, undefined);
        const retaken = ok(clinic.answer(back, 'no'));
        assert.strictEqual(retaken.variables.returning, false);
    });

    it('stops with a clear problem on a dead end and on a loop that never waits', async () => {
        const graph = await graphOf(`
            flow Loop {
                start a
                message a "A" { -> b }
                message b "B" { -> a }
                message orphan "dead end"
            }`);
        const simulator = new Simulator(graph);
        const loop = simulator.start();
        assert.strictEqual(loop.status, 'stuck');
        assert.match(loop.problem!, /loop/);
        const dead = simulator.start('Loop.orphan');
        assert.strictEqual(dead.status, 'stuck');
        assert.match(dead.problem!, /Message 'Loop.orphan' has no way on/);
    });

    it('applies variable defaults and compound conditions', async () => {
        const graph = await graphOf(`
            flow Triage {
                start check
                var severity: number = 3
                var reason: text = "sharp chest pain"
                condition check {
                    when severity >= 3 and (reason contains "chest" or not reason) -> urgent
                    else -> routine
                }
                end urgent "Please call 911."
                end routine "Book a regular visit."
            }`);
        const state = new Simulator(graph).start();
        assert.strictEqual(state.current, 'Triage.urgent');
        assert.strictEqual(state.transcript.at(-1)!.text, 'Please call 911.');
    });
});
