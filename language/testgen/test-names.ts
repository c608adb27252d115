import type { FlowGraph } from '../flow-model.js';

const SHOWN_STEPS = 5;

/**
 * A generated test's name: the buttons pressed and outcomes picked, then where the chat stops,
 * e.g. `generated: Something urgent, Yes -> emergency`. Answers are left out: they are in the test.
 */
export function testName(graph: FlowGraph, steps: ReadonlyArray<{ kind: string; label?: string; outcome?: string }>, lastBox: string, prefix = 'generated'): string {
    const labels = steps.flatMap(s => (s.kind === 'choose' && s.label !== undefined ? [s.label] : s.kind === 'outcome' && s.outcome !== undefined ? [s.outcome] : []));
    const shown = labels.length > SHOWN_STEPS ? [labels[0], '…', ...labels.slice(-(SHOWN_STEPS - 1))] : labels;
    const box = graph.boxes.find(b => b.id === lastBox);
    const where = box && !box.external ? box.name : lastBox;
    return `${prefix}: ${shown.length > 0 ? `${shown.join(', ')} ` : ''}-> ${where}`;
}

/** Hands out names not yet taken (by the flow's tests or earlier calls): `name`, `name (2)`, ... */
export function uniqueNames(taken: Iterable<string>): (wanted: string) => string {
    const used = new Set(taken);
    return wanted => {
        let name = wanted;
        for (let n = 2; used.has(name); n++) name = `${wanted} (${n})`;
        used.add(name);
        return name;
    };
}
