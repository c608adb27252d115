/**
 * A generated clinic-style flow of `count` boxes (a realistic mix: messages, choices, inputs,
 * conditions, actions, a handoff and an end), for tests that must stay fast on big flows.
 */
export function largeFlow(count: number, flowName = 'Big'): string {
    const lines = [`goal booked_${flowName} "Booked"`, '', `flow ${flowName} "Generated intake" {`, '    start box_0', '', '    var answer: text', '    var age: number', ''];
    const name = (i: number) => (i < count - 2 ? `box_${i}` : i === count - 2 ? 'front_desk' : 'goodbye');
    for (let i = 0; i < count - 2; i++) {
        const next = name(i + 1);
        const later = name(Math.min(i + 7, count - 1));
        switch (i % 5) {
            case 0:
                lines.push(`    message box_${i} "Step ${i}: thanks {answer}." {`, `        alias utter_step_${i}`, `        -> ${next}`, '    }');
                break;
            case 1:
                lines.push(`    choice box_${i} "What next at step ${i}?" {`, `        "Continue" -> ${next}`, `        "Skip ahead" -> ${later}`, '        "Talk to someone" -> front_desk', '    }');
                break;
            case 2:
                lines.push(`    input box_${i} "How old are you (step ${i})?" {`, '        save age', '        between 0 and 120', '        retry "Please enter a number."', `        -> ${next}`, '    }');
                break;
            case 3:
                lines.push(`    condition box_${i} {`, `        when age < 18 -> ${later}`, `        else -> ${next}`, '    }');
                break;
            default:
                lines.push(`    action box_${i} "Saving step ${i}" {`, '        call "crm.save"', `        on ok -> ${next}`, '        on error -> front_desk', `        goal booked_${flowName}`, '    }');
        }
        lines.push('');
    }
    lines.push('    handoff front_desk "Connecting you to the front desk." {', '        queue "front-desk"', '    }', '', '    end goodbye "Bye!"', '}', '');
    return lines.join('\n');
}
