/**
 * The rooms and the arrows between them (CONTRIBUTING.md, "Architecture"), checked by `npm test`:
 *
 *   language  <-  analytics  <-  { cli, server }
 *   extension ->  server only through server/protocol.ts
 *   extension ->  webviews only through extension/webview-protocol.ts
 *
 * Every rule is an error: a wrong-way import fails the run, naming both files.
 */
const NODE_ONLY = '^(sqlite3|pg|pg-copy-streams|pg-query-stream)$';
const EDITOR = '^(vscode|vscode-languageclient)(/|$)';

module.exports = {
    forbidden: [
        {
            name: 'language-is-pure',
            comment: 'language/ (grammar, model, FlowGraph, simulator) runs in the server, the CLI and the browser: no other room, no Node API, no database, no VS Code.',
            severity: 'error',
            from: { path: '^language/' },
            to: { path: `^(analytics|cli|server|extension)/|${NODE_ONLY}|${EDITOR}` }
        },
        {
            name: 'language-has-no-node-api',
            severity: 'error',
            from: { path: '^language/' },
            to: { dependencyTypes: ['core'] }
        },
        {
            name: 'analytics-is-a-library',
            comment: 'analytics/ serves the CLI and the server alike: it knows neither, nor the LSP, nor VS Code.',
            severity: 'error',
            from: { path: '^analytics/' },
            to: { path: `^(cli|server|extension)/|${EDITOR}|^vscode-languageserver|^langium/lsp` }
        },
        {
            name: 'cli-is-not-the-server',
            severity: 'error',
            from: { path: '^cli/' },
            to: { path: '^(server|extension)/' }
        },
        {
            name: 'server-is-not-the-cli',
            severity: 'error',
            from: { path: '^server/' },
            to: { path: '^(cli|extension)/' }
        },
        {
            name: 'extension-reaches-the-server-through-protocol',
            comment: 'The VS Code client is thin: it asks the server (server/protocol.ts, through FlowClient) and never runs analytics or the CLI in its own process (the pure model and its words excepted).',
            severity: 'error',
            from: { path: '^extension/' },
            to: { path: '^(server/(?!protocol\\.ts$)|cli/|analytics/(?!model\\.ts$|scope-words\\.ts$|export/platforms\\.ts$))' }
        },
        {
            name: 'only-protocol-files-see-analytics-types',
            comment: 'The extension gets analytics types and values re-exported by server/protocol.ts or extension/webview-protocol.ts.',
            severity: 'error',
            from: { path: '^extension/', pathNot: '^extension/webview-protocol\\.ts$' },
            to: { path: '^analytics/' }
        },
        {
            name: 'webviews-talk-through-webview-protocol',
            comment: 'A webview bundle runs in a browser sandbox: it imports its own folder, extension/webview/common/, the pure language/ and extension/webview-protocol.ts only.',
            severity: 'error',
            from: { path: '^extension/webview/' },
            to: {
                path: '^(extension/|server/|analytics/|cli/)',
                pathNot: '^extension/(webview/|webview-protocol\\.ts$)'
            }
        },
        {
            name: 'webviews-bundle-no-node-or-lsp',
            comment: 'Nothing a webview bundle reaches, however indirectly, may need Node, the LSP library or VS Code (they would bloat or break the browser bundle).',
            severity: 'error',
            from: { path: '^extension/webview/' },
            to: { reachable: true, path: `${NODE_ONLY}|${EDITOR}|^vscode-languageserver|^vscode-jsonrpc` }
        },
        {
            name: 'extension-host-keeps-out-of-webview-bundles',
            severity: 'error',
            from: { path: '^extension/', pathNot: '^extension/webview/' },
            to: { path: '^extension/webview/' }
        },
        {
            name: 'no-circular',
            severity: 'error',
            from: { path: '^(language|analytics|cli|server|extension)/' },
            to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
        }
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '(^|/)generated/|^node_modules' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
        combinedDependencies: false
    }
};
