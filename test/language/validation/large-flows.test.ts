import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { issues, listDiagnostics, validate } from './validate.js';

/**
 * A clinic intake of `sections` repeated steps (5 boxes each: menu, input, condition, message,
 * action), every step reachable and every variable assigned before use.
 */
function intake(sections: number, extra = ''): string {
    const lines = ['goal booked "Appointment booked"', '', 'flow Intake {', '    start menu_0', '', '    var age: number', '    var reason: text = "check-up"', ''];
    for (let i = 0; i < sections; i++) {
        const next = i + 1 < sections ? `menu_${i + 1}` : 'goodbye';
        lines.push(
            `    choice menu_${i} "Step ${i}: what would you like?" {`, `        "Continue" -> ask_age_${i}`, '        "Talk to someone" -> front_desk', '    }',
            `    input ask_age_${i} "How old are you?" {`, '        save age', '        between 0 and 120', `        -> check_age_${i}`, '    }',
            `    condition check_age_${i} {`, `        when age < 18 -> minor_${i}`, `        else -> book_${i}`, '    }',
            `    message minor_${i} "A parent must come along for your {reason}." {`, `        -> book_${i}`, '    }',
            `    action book_${i} "Booking your {reason}..." {`, '        call "ehr.book"', `        on booked -> ${next}`, '        on full -> front_desk', '        goal booked', '    }', '');
    }
    lines.push('    handoff front_desk "Connecting you to the front desk."', '    end goodbye "Thanks!"', extra, '}', '');
    return lines.join('\n');
}

describe('validation: large flows', () => {
    it('validates a 10,000-box flow clean, and finds the one unreachable box added to it', async () => {
        const clean = await validate(intake(2000));
        assert.deepStrictEqual(clean.diagnostics, [], listDiagnostics(clean));
        const withOrphan = await validate(intake(2000, '    message old_promo "Spring promo!" {\n        -> goodbye\n    }'));
        assert.deepStrictEqual(withOrphan.diagnostics?.map(d => (d.data as { code: string }).code), [IssueCodes.UnreachableBox]);
        assert.strictEqual(issues(withOrphan, IssueCodes.UnreachableBox)[0].range.start.line, withOrphan.textDocument.getText().split('\n').indexOf('    message old_promo "Spring promo!" {'));
    });
});
