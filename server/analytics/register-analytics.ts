import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import type { ChatflowServices } from '../../language/chatflow-module.js';
import { FOCUS_SEGMENTS } from '../../analytics/model.js';
import { analyticsScope } from '../../analytics/scope-words.js';
import { AnalyticsChangedNotification, SetAnalyticsScopeRequest, type AnalyticsChangeCause } from '../protocol.js';
import { AnalyticsHoverProvider } from './analytics-hover.js';
import { AnalyticsCodeActionProvider } from './alias-code-actions.js';
import { AnalyticsCodeLensProvider } from './analytics-code-lens.js';
import { ExperimentCodeActionProvider } from './experiment-code-actions.js';
import { registerAnalyticsRequests } from './analytics-requests.js';
import { registerChatToTest } from './chat-to-test-handler.js';
import { AnalyticsService } from './analytics-service.js';
import { registerImportLogs } from './import-logs-handler.js';
import { registerReapplyPrivacy } from './reapply-privacy-handler.js';
import { registerConcludeExperiment } from './conclude-experiment-handler.js';
import { registerUntestedTrafficHints, revalidateForAnalytics } from './untested-traffic-hints.js';
import { registerRemapOnAlias } from './remap-on-alias.js';

/**
 * The analytics side of the language server. Created before the language services (its code lens
 * provider goes into them as `module`), wired to the connection once they exist (`register`).
 */
export class ServerAnalytics {
    private service: AnalyticsService | undefined;
    private shared: LangiumSharedServices | undefined;

    constructor(private readonly connection: Connection) {}

    /** The module to pass to createChatflowServices: the code lens provider, the hover with the fix-first rank, and the code actions with the alias offers. */
    readonly module: Module<ChatflowServices, PartialLangiumServices> = {
        lsp: {
            CodeLensProvider: () => new AnalyticsCodeLensProvider(this.analytics),
            HoverProvider: services => new AnalyticsHoverProvider(services, () => this.analytics),
            CodeActionProvider: services => new AnalyticsCodeActionProvider(new ExperimentCodeActionProvider(services, () => this.analytics), () => this.analytics)
        }
    };

    private get analytics(): AnalyticsService {
        if (!this.service) throw new Error('ServerAnalytics.register was not called before the code lens provider was used.');
        return this.service;
    }

    register(shared: LangiumSharedServices, chatflow: ChatflowServices): void {
        this.service = new AnalyticsService(shared, db => this.changed(db, 'outside'));
        this.service.attach(chatflow);
        registerAnalyticsRequests(this.connection, this.service);
        registerChatToTest(this.connection, this.service);
        registerUntestedTrafficHints(chatflow, this.service);
        this.shared = shared;
        registerImportLogs(this.connection, this.service, db => this.changed(db, 'import'));
        registerReapplyPrivacy(this.connection, this.service, db => this.changed(db, 'privacy'));
        registerConcludeExperiment(this.connection, this.service, db => this.changed(db, 'experiment'));
        registerRemapOnAlias(shared, this.service, db => this.changed(db, 'alias'));
        // The overlay or the database path changed (Langium pulls the `chatflow` section on change).
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(async update => {
            if (update.section === 'chatflow') this.changed((await this.service!.settings()).db, 'settings');
        });
        // The panel's filter: the scope and its generation change together, so no answer pairs old numbers with the new scope.
        this.connection.onRequest(SetAnalyticsScopeRequest, async scope => {
            if (scope.segment && !FOCUS_SEGMENTS.includes(scope.segment.by)) {
                throw new Error(`the editor's numbers can focus on a ${FOCUS_SEGMENTS.join(', ')} value, not on ${scope.segment.by}`);
            }
            const { db } = await this.analytics.settings();
            this.analytics.scope = analyticsScope(scope);
            this.changed(db, 'scope');
            return { generation: this.analytics.generation };
        });
        this.connection.onShutdown(() => this.service?.holder.dispose());
    }

    /** The store changed: clients pull again, editors ask for new code lenses, the hints are recomputed. */
    private changed(db: string, cause: AnalyticsChangeCause): void {
        const generation = ++this.analytics.generation;
        void this.connection.sendNotification(AnalyticsChangedNotification, { db, generation, cause });
        this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        // The untested-traffic hints are diagnostics: validate again to update them.
        if (this.shared) revalidateForAnalytics(this.shared);
    }
}
