import type { FlowGraph } from '../../../language/flow-model.js';
import { unknownMessage, type LitPath, type PreviewState, type ToPreview } from '../../webview-protocol.js';
import { hideProblems, showProblems } from './banner.js';
import { formatCount, h } from '../common/dom.js';
import { GraphIndex } from './graph-index.js';
import { GraphView } from './graph-view.js';
import type { Host } from './host.js';
import { LayoutCache } from './layout-cache.js';
import { LayoutCancelled, LayoutClient } from './layout-client.js';
import { layoutInput, layoutKey } from './layout-input.js';
import { LayoutProgress } from './layout-progress.js';
import type { Direction, LayoutResult } from './layout-types.js';
import { Minimap } from './minimap.js';
import { PathBanner } from './path-banner.js';
import { renderOverview } from './overview.js';
import { ScopeBar } from './scope-bar.js';
import { SearchField } from './search-field.js';
import { buildShell, type Shell } from './shell.js';
import { SimulatorPane } from './simulator-pane.js';
import { SplitPane } from './split-pane.js';
import { statsLegend } from './stats-marks.js';
import { pageFont, TextMeasurer } from './text-metrics.js';
import type { ViewportState } from './viewport.js';

/**
 * Above this many boxes the preview shows an overview first: even region by region
 * (layout-regions.ts) the layout would take minutes. 10,000 boxes lay out in tens of seconds.
 */
export const LAYOUT_BOX_LIMIT = 20000;

/** Ties the pieces together: host messages in, layout in the worker, drawing, chat, saved state. */
export class PreviewApp {
    private readonly shell: Shell;
    private readonly graphView: GraphView;
    private readonly simulator: SimulatorPane;
    private readonly split: SplitPane;
    private readonly minimap: Minimap;
    private readonly search: SearchField;
    private readonly layoutClient: LayoutClient;
    private readonly progress: LayoutProgress;
    private readonly pathBanner = new PathBanner(() => this.clearPath());
    /** The path from the Analytics panel lit on the graph, if any. */
    private path?: LitPath;
    private readonly legend = statsLegend();
    private readonly scopeBar = new ScopeBar(() => this.host.post({ type: 'clearScope' }));
    private readonly labels = new TextMeasurer(pageFont(11));
    private uri?: string;
    private flows: FlowGraph[] = [];
    private flowName?: string;
    private direction: Direction;
    /** The flow the current viewport belongs to. */
    private viewportFlow?: string;
    private readonly viewports = new Map<string, ViewportState>();
    private readonly layouts = new LayoutCache();
    private readonly forced = new Set<string>();
    private ticket = 0;
    private receivedAt = 0;
    private drawCount = 0;
    private coverage?: { covered: string[]; uncovered: string[] };
    private coverageOn = false;
    private highlighted?: string;
    private saveTimer?: number;

    constructor(private readonly root: HTMLElement, private readonly host: Host, workerUrl: string, private restored?: PreviewState) {
        this.shell = buildShell(root);
        this.shell.banner.after(this.scopeBar.element);
        this.direction = restored?.direction ?? 'DOWN';
        this.layoutClient = new LayoutClient(workerUrl);
        this.layoutClient.warmUp();
        this.progress = new LayoutProgress(this.shell.status, () => this.layoutClient.cancel());
        this.graphView = new GraphView(this.shell.graphArea, {
            name: new TextMeasurer(pageFont(12, '600')), text: new TextMeasurer(pageFont(11)), badge: new TextMeasurer(pageFont(10)), tag: new TextMeasurer(pageFont(9, '600'))
        }, {
            activate: id => this.reveal(id),
            showChats: boxId => this.host.post({ type: 'showChats', boxId }),
            context: id => this.simulator.openStartForm(id),
            viewportChanged: state => this.viewportChanged(state)
        });
        this.simulator = new SimulatorPane(state => this.graphView.setPath(state?.path ?? [], state?.edges ?? [], state?.current));
        this.shell.body.append(this.simulator.element);
        this.split = new SplitPane(this.shell.body, this.simulator.element, { width: restored?.chatWidth, hidden: restored?.chatHidden }, state => {
            this.shell.button('toggle-chat').setAttribute('aria-pressed', String(!state.hidden));
            this.updateMinimap();
            this.scheduleSave();
        });
        this.shell.button('toggle-chat').setAttribute('aria-pressed', String(!this.split.get().hidden));
        this.minimap = new Minimap((x, y) => this.graphView.viewport.centerOn(x, y));
        this.shell.graphArea.append(this.legend, this.minimap.element);
        this.graphView.viewport.reserveBottom = () => Math.max(
            this.legend.hidden ? 0 : this.legend.offsetHeight + 16,
            this.minimap.shown ? this.minimap.element.getBoundingClientRect().height + 16 : 0);
        new ResizeObserver(() => this.updateMinimap()).observe(this.shell.graphArea);
        this.search = new SearchField(this.shell.search, this.shell.searchCount, this.graphView, () => this.current()?.boxes ?? [], root);
        this.shell.banner.after(this.pathBanner.element);
        root.ownerDocument.addEventListener('keydown', e => {
            // Escape in the search field clears the search, not the path.
            if (e.key !== 'Escape' || !this.path || e.defaultPrevented || (e.target as Element | null)?.closest?.('input, select, textarea')) return;
            e.preventDefault();
            this.clearPath();
        });
        this.wireToolbar();
        this.setStatus('waiting');
        host.onMessage(message => this.handle(message));
    }

    handle(message: ToPreview): void {
        switch (message.type) {
            case 'graph': {
                if (message.uri !== this.uri) {
                    this.viewportFlow = undefined;
                    this.viewports.clear();
                }
                this.uri = message.uri;
                this.flows = message.flows;
                this.receivedAt = performance.now();
                hideProblems(this.shell.banner);
                const preferred = this.flowName ?? this.restored?.flow;
                this.flowName = this.flows.some(f => f.flow === preferred) ? preferred : this.flows[0]?.flow;
                this.updatePicker();
                void this.showFlow();
                break;
            }
            case 'problems':
                showProblems(this.shell.banner, message.errors, this.graphView.drawn);
                if (!this.graphView.drawn) this.shell.empty.textContent = 'The graph appears once the errors are fixed.';
                break;
            case 'highlight':
                this.highlight(message.boxId);
                break;
            case 'coverage':
                this.coverage = { covered: message.covered, uncovered: message.uncovered };
                this.setCoverageShown(true);
                break;
            case 'stats':
                this.legend.hidden = message.overlay === undefined;
                this.scopeBar.show(message.overlay && message.scope);
                this.graphView.setStats(message.overlay);
                break;
            case 'exportSvg':
                this.exportSvg(message.requestId);
                break;
            case 'path':
                this.showPath(message.path);
                break;
            default:
                unknownMessage(message, 'for the preview');
        }
    }

    private current(): FlowGraph | undefined {
        return this.flows.find(f => f.flow === this.flowName);
    }

    private async showFlow(): Promise<void> {
        const graph = this.current();
        const ticket = ++this.ticket;
        if (!graph) {
            this.graphView.clear();
            this.shell.empty.textContent = 'This document has no flow to show.';
            this.shell.empty.hidden = false;
            return;
        }
        this.shell.title.textContent = graph.label ?? graph.flow;
        this.simulator.setGraph(graph);
        const index = new GraphIndex(graph);
        if (graph.boxes.length > LAYOUT_BOX_LIMIT && !this.forced.has(graph.flow)) {
            this.showOverview(graph, `Laying out more than ${formatCount(LAYOUT_BOX_LIMIT)} boxes can take minutes, so this is an overview. The chat simulator works as usual.`);
            return;
        }
        const timing = { beforeLayoutMs: 0, layoutMs: 0, drawMs: 0 };
        const input = layoutInput(graph, this.direction, this.labels);
        const key = layoutKey(input);
        timing.beforeLayoutMs = performance.now() - this.receivedAt;
        let layout = this.layouts.get(key);
        if (!layout) {
            this.setStatus('laying-out');
            this.progress.start(graph.boxes.length);
            try {
                const sent = performance.now();
                layout = await this.layoutClient.layout(input);
                timing.layoutMs = performance.now() - sent;
                this.layouts.set(key, layout);
            } catch (error) {
                if (ticket !== this.ticket) return;
                this.progress.stop();
                if (error instanceof LayoutCancelled) {
                    this.forced.delete(graph.flow);
                    this.showOverview(graph, 'The layout was cancelled. The chat simulator works as usual.');
                } else {
                    const message = error instanceof Error ? error.message : String(error);
                    this.host.log('error', `Preview of ${this.uri}, flow ${graph.flow} (${graph.boxes.length} boxes): ${message}`);
                    if (this.forced.delete(graph.flow)) {
                        // "Lay out anyway" on a huge flow: ELK can run out of stack; the overview stays.
                        this.showOverview(graph, `The layout failed (${message}). The chat simulator works as usual.`);
                    } else {
                        this.shell.status.textContent = `Could not lay out the flow: ${message}`;
                        if (!this.graphView.drawn) this.shell.empty.textContent = `The flow could not be laid out: ${message}`;
                        this.setStatus('error');
                    }
                }
                return;
            }
            if (ticket !== this.ticket) return;
            this.progress.stop();
        }
        this.draw(graph, index, layout, timing);
    }

    private draw(graph: FlowGraph, index: GraphIndex, layout: LayoutResult, timing: Record<string, number>): void {
        const drawStarted = performance.now();
        this.shell.empty.hidden = true;
        this.shell.overview.hidden = true;
        this.graphView.svg.style.display = '';
        this.minimap.draw(layout, graph.boxes.length);
        // Redrawing the flow already on screen keeps the viewport; only a first drawing fits.
        this.graphView.draw(index, layout, this.direction, () => {
            if (this.viewportFlow === graph.flow) return;
            const restored = this.restored && (!this.restored.flow || this.restored.flow === graph.flow) ? this.restored.viewport : undefined;
            const saved = this.viewports.get(graph.flow) ?? restored;
            this.viewportFlow = graph.flow;
            const start = graph.start ? layout.boxes[graph.start] : undefined;
            if (saved) this.graphView.viewport.set(saved);
            else this.graphView.viewport.fitReadable(undefined, start ? start[0] + start[2] / 2 : undefined);
        });
        this.updateMinimap();
        this.search.refresh();
        this.restored = undefined;
        // The box the cursor is in stays ringed, but a redraw never moves the user's viewport.
        this.graphView.setHighlight(this.highlighted, false);
        this.drawCount++;
        this.setStatus('drawn');
        this.root.dataset.drawCount = String(this.drawCount);
        this.root.dispatchEvent(new CustomEvent('chatflow-drawn', {
            // Where the time went, for bench/layout.
            detail: { boxes: graph.boxes.length, elkMs: layout.elkMs, ...timing, drawMs: performance.now() - drawStarted, totalMs: performance.now() - this.receivedAt }
        }));
        this.saveState();
    }

    private showOverview(graph: FlowGraph, reason: string): void {
        this.graphView.clear();
        this.minimap.draw(undefined, 0);
        this.graphView.svg.style.display = 'none';
        this.shell.empty.hidden = true;
        renderOverview(this.shell.overview, graph, reason, () => {
            this.forced.add(graph.flow);
            this.receivedAt = performance.now();
            void this.showFlow();
        });
        this.shell.overview.hidden = false;
        this.setStatus('overview');
        this.root.dispatchEvent(new CustomEvent('chatflow-overview', { detail: { boxes: graph.boxes.length, totalMs: performance.now() - this.receivedAt } }));
    }

    private highlight(boxId?: string): void {
        this.highlighted = boxId;
        const owner = boxId ? this.flows.find(f => f.boxes.some(b => b.id === boxId && !b.external)) : undefined;
        if (owner && owner.flow !== this.flowName) {
            this.switchFlow(owner.flow);
            return;
        }
        this.graphView.setHighlight(boxId);
    }

    /** Lights a path from the Analytics panel, on the flow its first box belongs to. */
    private showPath(path: LitPath | undefined): void {
        this.path = path;
        this.pathBanner.show(path);
        this.graphView.showPath(path?.boxes ?? [], path?.edges ?? []);
        const owner = path && this.flows.find(f => f.boxes.some(b => b.id === path.boxes[0] && !b.external));
        if (owner && owner.flow !== this.flowName) this.switchFlow(owner.flow);
    }

    private clearPath(): void {
        this.showPath(undefined);
        this.host.post({ type: 'clearPath' });
    }

    private reveal(boxId: string): void {
        const box = this.current()?.boxes.find(b => b.id === boxId);
        if (box) this.host.post({ type: 'reveal', boxId, range: box.range });
    }

    private exportSvg(requestId: number): void {
        const svg = this.graphView.standaloneSvg();
        if (svg === undefined) {
            this.host.log('warn', 'Export as SVG: the preview has no drawing yet (the flow has errors, is still being laid out, or is shown as an overview).');
            this.host.post({ type: 'svg', requestId, svg: '' });
            return;
        }
        this.host.post({ type: 'svg', requestId, svg });
    }

    private switchFlow(flow: string): void {
        this.flowName = flow;
        this.shell.flowPicker.value = flow;
        this.receivedAt = performance.now();
        void this.showFlow();
    }

    private updatePicker(): void {
        const picker = this.shell.flowPicker;
        picker.replaceChildren(...this.flows.map(f => h('option', { value: f.flow }, f.label ? `${f.flow}: ${f.label}` : f.flow)));
        picker.value = this.flowName ?? '';
        picker.hidden = this.flows.length < 2;
        this.shell.title.hidden = this.flows.length >= 2;
    }

    private wireToolbar(): void {
        const { button } = this.shell;
        this.shell.flowPicker.addEventListener('change', () => this.switchFlow(this.shell.flowPicker.value));
        button('zoom-in').addEventListener('click', () => this.graphView.viewport.zoomBy(1.25));
        button('zoom-out').addEventListener('click', () => this.graphView.viewport.zoomBy(1 / 1.25));
        button('fit').addEventListener('click', () => this.graphView.viewport.fit());
        button('direction').addEventListener('click', () => {
            this.direction = this.direction === 'DOWN' ? 'RIGHT' : 'DOWN';
            this.updateDirectionButton();
            if (this.flowName) this.viewports.delete(this.flowName);
            this.viewportFlow = undefined;
            this.receivedAt = performance.now();
            void this.showFlow();
        });
        button('coverage').addEventListener('click', () => this.setCoverageShown(!this.coverageOn));
        button('toggle-chat').addEventListener('click', () => this.split.setHidden(!this.split.get().hidden));
        this.updateDirectionButton();
    }

    private updateDirectionButton(): void {
        const down = this.direction === 'DOWN';
        const button = this.shell.button('direction');
        button.textContent = down ? '↓' : '→';
        button.title = button.ariaLabel = `Layout direction: ${down ? 'top to bottom' : 'left to right'} (click to switch)`;
    }

    private setCoverageShown(on: boolean): void {
        this.coverageOn = on && this.coverage !== undefined;
        const button = this.shell.button('coverage');
        button.disabled = this.coverage === undefined;
        button.setAttribute('aria-pressed', String(this.coverageOn));
        this.graphView.setCoverage(this.coverageOn ? this.coverage : undefined);
    }

    private setStatus(status: 'waiting' | 'laying-out' | 'drawn' | 'overview' | 'error'): void {
        this.root.dataset.status = status;
    }

    private viewportChanged(state: ViewportState): void {
        if (this.viewportFlow) this.viewports.set(this.viewportFlow, state);
        this.updateMinimap(state);
        this.scheduleSave();
    }

    private updateMinimap(state = this.graphView.viewport.get()): void {
        const { width, height } = this.graphView.viewport.viewSize();
        this.minimap?.update(state, width, height);
    }

    private scheduleSave(): void {
        window.clearTimeout(this.saveTimer);
        this.saveTimer = window.setTimeout(() => this.saveState(), 150);
    }

    private saveState(): void {
        if (!this.uri) return;
        const chat = this.split.get();
        this.host.saveState({
            uri: this.uri, flow: this.flowName, viewport: this.graphView.viewport.get(), direction: this.direction,
            chatWidth: chat.width, chatHidden: chat.hidden
        });
    }
}
