import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createChatflowServices } from '../language/chatflow-module.js';
import { registerFlowGraphHandlers } from './flow-graph-handler.js';

// The transport (--node-ipc, --stdio) is taken from the command line.
const connection = createConnection(ProposedFeatures.all);
const { shared, Chatflow } = createChatflowServices({ connection, ...NodeFileSystem });
registerFlowGraphHandlers(connection, shared, Chatflow);
startLanguageServer(shared);
