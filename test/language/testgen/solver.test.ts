import * as assert from 'node:assert';
import fc from 'fast-check';
import type { ComparisonOperator, LiteralValue } from '../../../language/flow-model.js';
import { atomHolds, substitute, toDnf, type Atom } from '../../../language/testgen/formula.js';
import { patternSamples } from '../../../language/testgen/pattern-samples.js';
import { accepted, solveSlot, type SlotSpec } from '../../../language/testgen/solve-slot.js';
import { evaluate } from '../../../language/simulator.js';

const atom = (operator: ComparisonOperator | undefined, value: LiteralValue | undefined, negated = false): Atom => ({ slot: 0, operator, value, negated });

describe('test generation: the answer solver', () => {
    it('picks the boundary a condition sets, inside the input\'s range', () => {
        const age: SlotSpec = { type: 'number', validation: { kind: 'range', min: 0, max: 120 } };
        assert.deepStrictEqual(solveSlot(age, [atom('<', 18)]), { status: 'sat', text: '17', value: 17 });
        assert.deepStrictEqual(solveSlot(age, [atom('<', 18, true)]), { status: 'sat', text: '18', value: 18 });
        assert.deepStrictEqual(solveSlot(age, [atom('>', 150)]), { status: 'unsat' });
        assert.deepStrictEqual(solveSlot(age, [atom('>=', 65), atom('<', 65)]), { status: 'unsat' });
        assert.deepStrictEqual(solveSlot(age, [atom('==', 40), atom('!=', 40)]), { status: 'unsat' });
        assert.strictEqual(solveSlot({ type: 'number' }, [atom('>', 0), atom('<', 1)]).status, 'sat');
    });

    it('answers yes/no, and proves a yes/no that must be both impossible', () => {
        assert.deepStrictEqual(solveSlot({ type: 'yesno' }, [atom('==', false)]), { status: 'sat', text: 'no', value: false });
        assert.deepStrictEqual(solveSlot({ type: 'yesno' }, [atom(undefined, undefined)]), { status: 'sat', text: 'yes', value: true });
        assert.deepStrictEqual(solveSlot({ type: 'yesno' }, [atom('==', true), atom('==', false)]), { status: 'unsat' });
    });

    it('generates a text from a `matches` pattern that the simulator\'s own validation accepts', () => {
        const zip: SlotSpec = { type: 'text', validation: { kind: 'pattern', pattern: '^[0-9]{5}$' } };
        const result = solveSlot(zip, []);
        assert.strictEqual(result.status, 'sat');
        assert.match((result as { text: string }).text, /^[0-9]{5}$/);
        assert.strictEqual(solveSlot(zip, [atom('contains', 'x')]).status, 'unknown');
        const samples = patternSamples('[A-Z]{2}-\\d{3}');
        assert.ok(samples.length > 3 && samples.every(s => /^[A-Z]{2}-\d{3}$/.test(s)), samples.join(', '));
        assert.deepStrictEqual(patternSamples('[A-Z]{2}-\\d{3}'), samples, 'the same samples every time');
        assert.deepStrictEqual(patternSamples('(unclosed'), []);
    });

    it('meets contains / not contains / != on texts, and proves the contradictory ones impossible', () => {
        const reason = solveSlot({ type: 'text' }, [atom('contains', 'chest pain'), atom('!=', 'chest pain')]);
        assert.strictEqual(reason.status, 'sat');
        assert.ok((reason as { text: string }).text.includes('chest pain'));
        assert.deepStrictEqual(solveSlot({ type: 'text' }, [atom('contains', 'chest pain'), atom('contains', 'pain', true)]), { status: 'unsat' });
        assert.deepStrictEqual(solveSlot({ type: 'email' }, [atom('==', 'not an email')]), { status: 'unsat' });
        assert.deepStrictEqual(solveSlot({ type: 'text' }, [atom('==', 'a'), atom('==', 'b')]), { status: 'unsat' });
    });

    it('compares dates as the simulator does (YYYY-MM-DD strings)', () => {
        const result = solveSlot({ type: 'date' }, [atom('>=', '2008-01-01'), atom('<', '2010-01-01')]);
        assert.strictEqual(result.status, 'sat');
        const text = (result as { text: string }).text;
        assert.ok(text >= '2008-01-01' && text < '2010-01-01', text);
        assert.deepStrictEqual(solveSlot({ type: 'date' }, [atom('>', '2010-01-01'), atom('<', '2009-01-01')]), { status: 'unsat' });
    });

    it('reads conditions as the simulator does: unset variables compare false, set values are evaluated', () => {
        const expr = { op: 'and' as const, left: { op: 'compare' as const, variable: 'age', operator: '<' as const, value: 18 }, right: { op: 'not' as const, operand: { op: 'compare' as const, variable: 'insured' } } };
        const withSlot = substitute(expr, v => (v === 'age' ? { kind: 'slot', slot: 0 } : { kind: 'value', value: false }));
        assert.deepStrictEqual(toDnf(withSlot).conjunctions, [[{ slot: 0, operator: '<', value: 18, negated: false }]]);
        assert.deepStrictEqual(substitute(expr, () => undefined), { kind: 'const', value: false });
    });

    describe('properties', () => {
        const operators: ComparisonOperator[] = ['==', '!=', '<', '<=', '>', '>='];
        const numberAtom = fc.record({
            slot: fc.constant(0),
            operator: fc.constantFrom(...operators),
            value: fc.integer({ min: -5, max: 25 }) as fc.Arbitrary<LiteralValue>,
            negated: fc.boolean()
        });

        it('a number answer found satisfies every atom; "impossible" means no number in a fine grid does', () => {
            fc.assert(fc.property(fc.array(numberAtom, { maxLength: 5 }), fc.boolean(), (atoms, ranged) => {
                const spec: SlotSpec = ranged ? { type: 'number', validation: { kind: 'range', min: 0, max: 20 } } : { type: 'number' };
                const result = solveSlot(spec, atoms);
                if (result.status === 'sat') {
                    assert.notStrictEqual(accepted(spec, result.text, atoms), undefined);
                } else {
                    // Halves between -10 and 30: every region the atoms' integer bounds cut out contains one.
                    for (let n = -10; n <= 30; n += 0.5) {
                        assert.strictEqual(accepted(spec, String(n), atoms), undefined, `${n} satisfies ${JSON.stringify(atoms)} though the solver said ${result.status}`);
                    }
                    assert.strictEqual(result.status, 'unsat');
                }
            }), { numRuns: 400 });
        });

        it('a text answer found satisfies every atom; "impossible" is never said of something a short text meets', () => {
            const words = ['a', 'ab', 'b', 'pain', 'chest pain', ''];
            const textAtom = fc.record({
                slot: fc.constant(0),
                operator: fc.constantFrom<ComparisonOperator>('==', '!=', 'contains'),
                value: fc.constantFrom(...words) as fc.Arbitrary<LiteralValue>,
                negated: fc.boolean()
            });
            fc.assert(fc.property(fc.array(textAtom, { maxLength: 4 }), atoms => {
                const spec: SlotSpec = { type: 'text' };
                const result = solveSlot(spec, atoms);
                if (result.status === 'sat') assert.notStrictEqual(accepted(spec, result.text, atoms), undefined);
                if (result.status === 'unsat') {
                    for (const text of ['a', 'ab', 'b', 'pain', 'chest pain', 'x', 'a chest pain b']) {
                        assert.ok(!atoms.every(a => atomHolds(a, text)), `'${text}' satisfies ${JSON.stringify(atoms)}`);
                    }
                }
            }), { numRuns: 400 });
        });

        it('atomHolds agrees with the simulator\'s evaluate, negation included', () => {
            fc.assert(fc.property(numberAtom, fc.integer({ min: -5, max: 25 }), (a, n) => {
                const plain = evaluate({ op: 'compare', variable: 'x', operator: a.operator, value: a.value }, { x: n });
                assert.strictEqual(atomHolds(a, n), plain !== a.negated);
            }));
        });
    });
});
