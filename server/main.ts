import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createChatflowServices } from '../language/chatflow-module.js';
import { ServerAnalytics } from './analytics/register-analytics.js';
import { registerFlowGraphHandlers } from './flow-graph-handler.js';

// The transport (--node-ipc, --stdio) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);
const analytics = new ServerAnalytics(connection);
const { shared, Chatflow } = createChatflowServices({ connection, ...NodeFileSystem }, analytics.module);
// Validate every workspace file at startup, not only open ones: the Problems panel and the
// Test Explorer cover the whole workspace, and FlowGraph requests wait for validated documents.
shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
registerFlowGraphHandlers(connection, shared, Chatflow);
analytics.register(shared, Chatflow);
startLanguageServer(shared);
