export const MAIN_HELP = `Usage: chatflow <command> [options]

Chatflow Studio: chatbot flows as code.

Commands:
  validate <files or folders...>   Check .chatflow files (folders are searched recursively)
  graph <file>                     Print the flow graph of a file as JSON, DOT or Mermaid
  test <files or folders...>       Play the conversation tests (test blocks) with the simulator

Options:
  -h, --help      Show help (also: chatflow <command> --help)
  -v, --version   Show the version

Exit codes: 0 no errors, 1 the flows have errors, 2 bad command line, path or file.`;

export const VALIDATE_HELP = `Usage: chatflow validate <files or folders...> [--format text|json]

Builds every given .chatflow file together (so references across files resolve) and prints
one line per problem:  file:line:col severity code message
Folders are searched recursively for *.chatflow files (node_modules and dot-folders skipped).

Options:
  --format text|json   text (default): one line per problem and a summary line;
                       json: an array of {file, line, column, severity, code, message}
  -h, --help           Show this help

Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 bad path or option.`;

export const GRAPH_HELP = `Usage: chatflow graph <file> [--flow Name] [--format json|dot|mermaid]

Prints the flow graph of every flow of <file> (or only --flow Name). The .chatflow files next
to <file> are loaded too, so references like Common.ask_dob resolve; boxes of other flows the
flow leads into are included and marked external.

Options:
  --flow Name                 Only this flow
  --format json|dot|mermaid   json (default): the FlowGraph objects, an array;
                              dot: Graphviz (render with: dot -Tsvg);
                              mermaid: a Mermaid flowchart (paste into Markdown)
  -h, --help                  Show this help

Exit codes: 0 printed, 1 the file has errors (they are printed instead), 2 bad path or option.`;

export const TEST_HELP = `Usage: chatflow test <files or folders...> [--coverage] [--format text|json]

Plays every \`test "..." { ... }\` block of the given .chatflow files with the simulator (the same
engine as the preview and the Test Explorer). A failure names the file:line of the failing step,
the step, and what the chat did instead. The last line is "N passed, N failed".

Options:
  --coverage           Also list the transitions (choices, branches, outcomes, nexts) no test takes
  --format text|json   text (default); json: {passed, failed, tests, uncovered}
  -h, --help           Show this help

Exit codes: 0 all tests passed, 1 a test failed or a file has errors, 2 bad path or option.`;
