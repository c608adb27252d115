export const MAIN_HELP = `Usage: chatflow <command> [options]

Chatflow Studio: chatbot flows as code.

Commands:
  validate <files or folders...>   Check .chatflow files (folders are searched recursively)
  graph <file>                     Print the flow graph of a file as JSON, DOT or Mermaid
  test <files or folders...>       Play the conversation tests (test blocks) with the simulator
  import <log files...> --flow <flows>
                                   Import chat logs into the analytics database
  report <files or folders...>     Visits, drop-outs and conversions per box from imported logs
  export ga4|meta <files or folders...>
                                   Conversions as GA4 / Meta payloads (PHI-free, dry run by default)
  redact --db <path>               Re-apply a privacy policy to an existing analytics database
  tests-from-logs --db <path> --flow <flows> [--top N] [--write]
                                   Test blocks replaying the most frequent paths of real chats
  db status|migrate|copy           The analytics database: what it holds, its schema, moving it to a server

Options:
  -h, --help      Show help (also: chatflow <command> --help)
  -v, --version   Show the version

Exit codes: 0 no errors, 1 the flows have errors, 2 bad command line, path or file,
4 an export was refused or failed.`;

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

export const TEST_HELP = `Usage: chatflow test <files or folders...> [options]
       chatflow test --generate [--write] <files or folders...>

Plays every \`test "..." { ... }\` block of the given .chatflow files with the simulator (the same
engine as the preview and the Test Explorer). A failure names the file:line of the failing step,
the step, and what the chat did instead. The last line is "N passed, N failed".

Options:
  --coverage             Also list the transitions (choices, branches, outcomes, nexts) no test
                         takes, after "Coverage of <Flow>: N of M transitions taken by a test."
  --db <path or URL>     With --coverage: weigh the transitions no test takes by the real chats in
                         this analytics database (a SQLite file, or a postgres:// URL): how many chats take at least one, and the top
                         untested transitions by chats
  --min-coverage <N>     Exit 1 when a flow's transition coverage is below N percent, naming the
                         transitions it misses (stderr)
  --format text|json     text (default); json: {passed, failed, tests, uncovered, coverage}
  --reporter text|junit  junit: also write JUnit XML (one testsuite per flow, one testcase per
                         test, a failure per failing step) for GitHub, GitLab and Jenkins
  --output <file>        Where the JUnit XML goes (default: stdout, the text report then goes to stderr)
  --generate             Print tests that take the transitions no test takes yet: answers chosen to
                         pass the inputs' validations and the conditions on the way. Transitions no
                         chat can take are reported on stderr with the reason
  --write                With --generate: insert the tests into each flow, after its last test
  -h, --help             Show this help

Exit codes: 0 all tests passed, 1 a test failed, a file has errors or a flow is below
--min-coverage, 2 bad path or option.`;

export const TESTS_FROM_LOGS_HELP = `Usage: chatflow tests-from-logs --db <path> --flow <files or folders> [--top N] [--write]

Turns the most frequent paths of the imported chats into conversation tests: for each flow, the
chats are grouped by the boxes they entered, and one chat of each of the N most frequent paths is
replayed as a test block: its buttons by label, its outcomes, its answers by value, then the
goals it reached and the box it stopped at. Answers to sensitive inputs, and answers the privacy
policy stored as [redacted] or [hash:...], are never written: a made-up value valid for the input
(its type, its validation, the branches the chat took) stands in. Paths that replay the same steps
as an existing test are skipped, so running it again adds only new paths.

Options:
  --db <path or URL>       The database: a SQLite file (default .chatflow/analytics.db) or a postgres:// URL
  --flow <files,folders>   The .chatflow files or folders of the flows (comma-separated)
  --top <N>                Tests per flow (default 5)
  --write                  Insert the tests into each flow, after its last test (default: print them)
  -h, --help               Show this help

Exit codes: 0 done (paths that no longer fit the flow are listed on stderr), 1 the flows have
errors, 2 bad option, or no database.`;

export const IMPORT_HELP = `Usage: chatflow import <log files...> --flow <files or folders> [options]

Imports chat logs into the workspace's analytics database (SQLite), matching each logged box
name to a box of the flows (by name, Flow.box id or alias). Formats (detected from the first
lines that parse, within the first 1,000 lines):
  canonical JSON Lines   {"chat","ts","flow","version","box","type","text","goal"} per line
  canonical JSON         the same objects in one JSON array (read element by element)
  canonical CSV          the same columns, with a header row
  Rasa tracker dumps     {"sender_id", "events": [...]}, an array of them, or one per line
  Rasa event-broker JSON one event per line (user, bot, action, slot, session_started...)
  botframework           Bot Framework .transcript files, or a blob transcript store folder
  dialogflow-cx          Dialogflow CX conversation history exported from BigQuery (JSON/NDJSON)
  lex-v2                 Amazon Lex V2 conversation logs (CloudWatch or its S3 export, .gz too)
  voiceflow              Voiceflow transcript dialogs (a file per transcript, or a folder)
  botpress               Botpress conversations and messages (Chat API, JSON/NDJSON)
A platform's steps map to boxes by alias (page, intent, Intent.slot, block, event name), else by
the bot's text matching a box's text ({var} matches anything); the summary lists the steps that
map to no box. Any log may be gzip-compressed.
Every log is checked before anything is imported; an empty file imports 0 events (a notice, not
an error). Importing the same file twice, or a longer re-export of it, adds nothing new twice;
a line repeated exactly is one event. Malformed lines are skipped and listed as file:line with
what to fix; events at boxes the flows do not have are kept and counted.
Privacy (--policy): answers to inputs marked sensitive and every typed answer are stored as
[redacted] (redact, the default), as a salted hash [hash:...] (hash: equal answers stay
joinable; the salt lives outside the database), or, for typed answers only, as typed (keep).
Whatever the policy, emails, phone and fax numbers, SSNs, dates other than the year, URLs, IP
addresses, record/account numbers, ZIP codes and street addresses in any stored text become
[redacted:email], [redacted:phone]... Progress goes to stderr, the summary to stdout.

Options:
  --flow <files,folders>   The .chatflow files or folders the logs belong to (comma-separated)
  --db <path>              The database (default .chatflow/analytics.db in the current folder)
  --flow-name <Name>       The flow of logs that name none (Rasa, platforms); default: the only flow
  --log-format <format>    auto (default), jsonl, json, csv, rasa-tracker, rasa-events,
                           botframework, dialogflow-cx, lex-v2, voiceflow or botpress
  --policy <policy>        redact (default), hash or keep
  --salt-file <file>       hash: the salt (default: one per database under ~/.config/chatflow/salts/,
                           created on first use; never inside the database)
  --format text|json       The summary as text (default) or JSON
  -h, --help               Show this help

Exit codes: 0 imported (malformed lines skipped are listed, not fatal), 1 the flows have errors,
2 bad option, unreadable log file or unknown format (nothing imported), a database path that
cannot be created, a database that is locked or not a Chatflow database, or an import that
stopped midway (the summary lists the files stored before; run it again to continue).`;

export const REDACT_HELP = `Usage: chatflow redact [--db <path>] [options]

Re-applies a privacy policy to every text already stored in an analytics database: for data
imported under a weaker policy (keep), or before privacy policies existed. In place and atomic
(one transaction), then VACUUM and a WAL checkpoint, so the old texts are not left in free pages
or in the -wal file. Close VS Code's Analytics first (or run "Chatflow: Re-apply Privacy Policy
to Database" there instead).

Options:
  --db <path>              The database (default .chatflow/analytics.db in the current folder)
  --policy <policy>        redact (default), hash or keep (keep only re-runs the Safe Harbor scan)
  --salt-file <file>       hash: the salt (default: the database's salt under ~/.config/chatflow/salts/)
  --flow <files,folders>   The flows: clicked buttons and yes/no answers stay readable; without
                           them every answer counts as typed text
  --format text|json       The result as text (default) or JSON
  -h, --help               Show this help

Exit codes: 0 done, 1 the flows have errors, 2 bad option, missing or locked database.`;

export const REPORT_HELP = `Usage: chatflow report <files or folders...> [options]

Reports, for every flow of the given .chatflow files, what the imported chats did: chats per
box, drop-outs and drop-out rate, conversions per goal and day, the funnel to each goal, and a
comparison of the two latest flow versions (a z-test, shown only when both samples are big
enough), and every split experiment (arms, always-valid p-values, probability to be best,
sample ratio check, decision). A drop-out is a chat whose last box is not an end or handoff box and whose last event
is more than the inactivity timeout older than the newest event stored. Also each flow's chat
outcomes (contained, escalated, abandoned, in progress, per day), the boxes to fix first (ranked
by lost conversions, with retries, repeats and time before leaving), the most taken complete
paths and the time to convert per goal (README: Metrics).

Options:
  --db <path>                 The database (default .chatflow/analytics.db)
  --from YYYY-MM-DD           Only chats that started on or after this day
  --to YYYY-MM-DD             Only chats that started on or before this day
  --version <v>               Only chats of this flow version
  --time-zone <zone>          Days in UTC (default), an offset like +02:00, or a zone like America/Chicago
  --timeout <minutes>         Inactivity timeout (default 30)
  --segment <by>              The same numbers per segment, which add up to the totals: version,
                              channel, source, var:NAME (a variable not marked sensitive), weekday
                              or hour (in --time-zone); differences marked significant after a
                              Benjamini-Hochberg correction
  --format table|json|html    table (default); json; html: one self-contained file with charts
  --out <file>                Write to a file instead of stdout
  --fail-on-srm               Exit 1 when an experiment's arms did not get the shares of chats
                              their weights promise (sample ratio mismatch, p < 0.001): for CI
  -h, --help                  Show this help

Exit codes: 0 printed, 1 the flows have errors (or --fail-on-srm found a mismatch), 2 bad option
or path, or no database yet (run chatflow import first).`;

export const EXPORT_HELP = `Usage: chatflow export ga4|meta <files or folders...> [options]

Builds one event per chat per converted goal from the imported chats, for the goals the flows
declare in track blocks (track appointment { ga4 "generate_lead" { value: 1 } meta "Schedule" {} }),
as the GA4 Measurement Protocol ({client_id, timestamp_micros, events: [{name, params}]}) or the
Meta Conversions API ({data: [{event_name, event_time, action_source: "chat", event_id}]}) expects.
Chat ids are sent only as HMAC-SHA-256 hashes keyed by the database's privacy salt (the same
for every export of this database, unlinkable to another's). Only the parameters a track lists are exported; any
other field, or a parameter named like personal data, fails the export naming the field.
Every export, dry run or sent, ok or failed, is appended to the database's export audit log.

Options:
  --db <path>                The database (default .chatflow/analytics.db)
  --from YYYY-MM-DD          Only chats that started on or after this day
  --to YYYY-MM-DD            Only chats that started on or before this day
  --time-zone <zone>         The zone of --from, --to and goal.day: UTC (default), +02:00, America/Chicago
  --salt-file <file>         The salt the ids are keyed with (default: the database's, as for --policy hash)
  --out <file>               The payload file (dry run default: .chatflow/export-<platform>.json)
  --send                     Send instead of a dry run; needs --endpoint and, in the environment,
                             GA4:  CHATFLOW_GA4_MEASUREMENT_ID and CHATFLOW_GA4_API_SECRET
                             Meta: CHATFLOW_META_PIXEL_ID and CHATFLOW_META_ACCESS_TOKEN
                             (never read from files; in VS Code: Chatflow: Set Conversion API Secret)
  --endpoint <url>           GA4: https://www.google-analytics.com/mp/collect
                             Meta: https://graph.facebook.com/v21.0 (the pixel id and /events are added)
  --user-data external_id    Meta only: add user_data.external_id, the hashed chat id
  --format text|json         The summary as text (default) or JSON
  -h, --help                 Show this help

Exit codes: 0 exported, 1 the flows have errors, 2 bad option or path, or no database yet,
4 the export was refused or failed (not allow-listed field, missing secret, endpoint down).`;

export const DB_HELP = `Usage: chatflow db status [--db <path or url>] [--format text|json]
       chatflow db migrate --db <url>
       chatflow db copy --from <sqlite file> --to <url>

The analytics database: a SQLite file (default .chatflow/analytics.db) or a PostgreSQL server
named by a postgres:// or postgresql:// URL, e.g. postgres://analyst@db.example.org/chatflow?sslmode=verify-full.
Passwords never go in the URL of a setting: PGPASSWORD, ~/.pgpass or a PGSERVICE service file.

  status    The engine, the schema version, events, chats, imports and the last import.
  migrate   Creates or updates the Chatflow tables on the server (needs the database owner;
            imports also do it when they may). Readers and writers then need only their GRANTs.
  copy      Moves a local store's events to the server, with progress; a re-run adds only what
            is missing. Refused while the file holds answers kept as typed (re-redact first).

Options:
  --db <path or url>   The database (default .chatflow/analytics.db)
  --from <file>        copy: the SQLite file
  --to <url>           copy: the server
  --format text|json   status: json prints {engine, database, schema, events, chats, imports, lastImport}
  -h, --help           Show this help

Exit codes: 0 done, 2 bad command line, or the database cannot be used (the message says why).`;
