import type { FlowGraph } from '../../language/flow-model.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { displayPath, formatProblem, problemsOf } from '../diagnostics.js';
import { findChatflowFile, siblingChatflowFiles } from '../files.js';
import { loadWorkspace } from '../workspace.js';
import { GRAPH_HELP } from '../help.js';
import { toDot } from '../format/dot.js';
import { toJson } from '../format/json.js';
import { toMermaid } from '../format/mermaid.js';
import type { CommandIO } from './io.js';

const FORMATS = { json: toJson, dot: toDot, mermaid: toMermaid } as const;

export const graphSpec: CommandSpec = {
    name: 'graph',
    options: { flow: 'any', format: Object.keys(FORMATS), help: 'flag' }
};

/** `chatflow graph <file> [--flow Name] [--format json|dot|mermaid]` */
export async function graphCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, graphSpec);
    if (options.help) {
        io.out(GRAPH_HELP);
        return ExitCode.Ok;
    }
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0
            ? 'graph needs one .chatflow file, e.g. chatflow graph examples/clinic.chatflow'
            : `graph takes one file, got ${positionals.length}: ${positionals.join(', ')}. Pass one file; its folder's other .chatflow files are loaded too.`);
    }
    const file = findChatflowFile(positionals[0], io.cwd);
    const workspace = await loadWorkspace([file, ...siblingChatflowFiles(file)]);
    const document = workspace.document(file);
    const errors = problemsOf(document, io.cwd).filter(p => p.severity === 'error');
    if (errors.length > 0) {
        errors.forEach(problem => io.err(formatProblem(problem)));
        io.err(`${displayPath(file, io.cwd)} has ${errors.length} error${errors.length === 1 ? '' : 's'}: fix them to get its graph.`);
        return ExitCode.Problems;
    }
    const graphs = selectFlows(workspace.services.flow.FlowGraphs.of(document), options.flow, displayPath(file, io.cwd));
    const format = (options.format ?? 'json') as keyof typeof FORMATS;
    io.out(FORMATS[format](graphs));
    return ExitCode.Ok;
}

function selectFlows(graphs: FlowGraph[], flow: string | true | undefined, file: string): FlowGraph[] {
    if (graphs.length === 0) throw new UsageError(`${file} declares no flow. Add 'flow Name { ... }' or pass another file.`);
    if (typeof flow !== 'string') return graphs;
    const selected = graphs.filter(g => g.flow === flow);
    if (selected.length === 0) {
        throw new UsageError(`${file} has no flow '${flow}'. Its flows: ${graphs.map(g => g.flow).join(', ')}.`);
    }
    return selected;
}
