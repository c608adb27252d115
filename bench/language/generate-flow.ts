/**
 * Generates a realistic .chatflow text of N boxes: repeated intake "sections" (a menu choice,
 * typed inputs with validation, a condition, an action with outcomes, messages with interpolation,
 * a goal mark), chained so every box is reachable and every path ends.
 */
export function generateFlow(boxes: number, flow = 'Big'): string {
    const sections = Math.max(1, Math.round(boxes / 10));
    const lines: string[] = ['goal booked "Appointment booked"', 'goal answered "Question answered"', '', `flow ${flow} {`, '    start s0_menu', ''];
    for (let s = 0; s < sections; s++) {
        lines.push(`    var s${s}_name: text sensitive`, `    var s${s}_age: number`, `    var s${s}_insured: yesno`);
    }
    lines.push('');
    for (let s = 0; s < sections; s++) {
        const next = s + 1 < sections ? `s${s + 1}_menu` : 'done';
        lines.push(
            `    choice s${s}_menu "Section ${s}: how can we help?" {`,
            `        "Book" -> s${s}_name_ask`,
            `        "Hours" -> s${s}_hours`,
            `        "Skip" -> ${next}`,
            '    }',
            `    message s${s}_hours "We are open 8-6." {`,
            '        goal answered',
            `        -> ${next}`,
            '    }',
            `    input s${s}_name_ask "What's your name?" sensitive {`,
            `        save s${s}_name`,
            `        alias utter_ask_name_${s}`,
            '        retry "Please type your name."',
            `        -> s${s}_age_ask`,
            '    }',
            `    input s${s}_age_ask "How old are you, {s${s}_name}?" {`,
            `        save s${s}_age`,
            '        between 0 and 120',
            '        retry "Please enter an age between 0 and 120."',
            `        -> s${s}_check`,
            '    }',
            `    condition s${s}_check {`,
            `        when s${s}_age < 18 -> s${s}_minor`,
            `        else -> s${s}_insured_ask`,
            '    }',
            `    message s${s}_minor "A guardian must attend." {`,
            `        -> s${s}_insured_ask`,
            '    }',
            `    input s${s}_insured_ask "Are you insured?" {`,
            `        save s${s}_insured`,
            `        -> s${s}_book`,
            '    }',
            `    action s${s}_book "Booking for {s${s}_name}..." {`,
            '        call "ehr.book"',
            `        on booked -> s${s}_confirmed`,
            `        on error -> s${s}_desk`,
            '    }',
            `    message s${s}_confirmed "Booked, {s${s}_name}!" {`,
            '        goal booked',
            `        -> ${next}`,
            '    }',
            `    handoff s${s}_desk "Connecting you to the front desk."`,
            ''
        );
    }
    lines.push('    end done "Goodbye!"', '}', '');
    return lines.join('\n');
}

/** How many boxes generateFlow(n) really produces. */
export function countBoxes(text: string): number {
    return (text.match(/^\s{4}(message|choice|input|condition|action|handoff|end) /gm) ?? []).length;
}
