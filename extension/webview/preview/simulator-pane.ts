import type { FlowGraph, LiteralValue, VariableType } from '../../../language/flow-model.js';
import type { ChatState, StepResult } from '../../../language/simulator.js';
import { ArmPicker, DRAWN } from './arm-picker.js';
import { ChatSession } from './chat-session.js';
import { h, must } from '../common/dom.js';
import { StartForm, typeHint } from './start-form.js';
import { formatValue, sensitiveVariables, VariablesPane } from './variables-pane.js';

/**
 * The chat pane beside the graph: it plays the flow with the same Simulator the tests and the
 * CLI use, and reports every new state so the graph can light the path.
 */
export class SimulatorPane {
    readonly element: HTMLElement;
    private session?: ChatSession;
    private notice?: string;
    private readonly transcript: HTMLOListElement;
    private readonly reply: HTMLElement;
    private readonly goals: HTMLElement;
    private readonly variables: VariablesPane;
    private readonly startForm: StartForm;
    private readonly backButton: HTMLButtonElement;
    private readonly armPicker: ArmPicker;

    constructor(private readonly onState: (state: ChatState | undefined) => void) {
        this.startForm = new StartForm((from, variables) => this.startAt(from, variables), () => this.startForm.close());
        this.backButton = h('button', { class: 'cf-button secondary', 'data-action': 'step-back', title: 'Undo the last answer' }, 'Step back');
        const restart = h('button', { class: 'cf-button secondary', 'data-action': 'restart' }, 'Restart');
        const startFrom = h('button', { class: 'cf-button secondary', 'data-action': 'start-from', title: 'Start the chat at any box, with variables set' }, 'Start from…');
        this.armPicker = new ArmPicker(arm => this.pickArm(arm));
        this.element = h('aside', { class: 'cf-chat', 'aria-label': 'Chat simulator' },
            h('header', { class: 'cf-chat-header' }, h('h2', {}, 'Chat simulator'), restart, this.backButton, startFrom),
            this.armPicker.element,
            this.startForm.element,
            h('ol', { class: 'cf-transcript', 'aria-live': 'polite' }),
            h('div', { class: 'cf-reply' }),
            h('section', { class: 'cf-goals' }, h('h3', {}, 'Goals reached'), h('div', { class: 'cf-goal-list' })),
            h('section', { class: 'cf-variables' }, h('h3', {}, 'Variables'), h('div', { class: 'cf-variable-list' })));
        this.transcript = must(this.element, '.cf-transcript');
        this.reply = must(this.element, '.cf-reply');
        this.goals = must(this.element, '.cf-goal-list');
        this.variables = new VariablesPane(must(this.element, '.cf-variable-list'));
        restart.addEventListener('click', () => this.show(this.session?.restart()));
        this.backButton.addEventListener('click', () => this.show(this.session?.stepBack()));
        startFrom.addEventListener('click', () => this.openStartForm());
    }

    /** A new or edited graph of the flow shown. A different flow starts a new chat. */
    setGraph(graph: FlowGraph): void {
        this.armPicker.setGraph(graph);
        if (!this.session || this.session.graph.flow !== graph.flow || this.session.graph.uri !== graph.uri) {
            this.session = new ChatSession(graph);
            if (this.armPicker.value !== DRAWN) this.session.chooseArm(this.armPicker.value);
            this.notice = undefined;
            this.show(this.session.start());
            return;
        }
        const continues = this.session.setGraph(graph);
        this.notice = continues ? undefined : `The box ${this.session.state?.current} no longer exists in the edited flow: restart the chat.`;
        this.show(this.session.state);
    }

    openStartForm(boxId?: string): void {
        if (this.session) this.startForm.open(this.session.graph, boxId);
    }

    private startAt(from: string, variables: Record<string, LiteralValue>): void {
        this.startForm.close();
        this.show(this.session?.start(from, variables));
    }

    /** The chat waits before its next split: that split takes the picked arm (and so do restarted chats). */
    private pickArm(arm: string): void {
        if (!this.session) return;
        const result = this.session.chooseArm(arm === DRAWN ? undefined : arm);
        this.notice = result && !result.ok ? result.error : undefined;
        this.show(this.session.state);
    }

    private act(step: (session: ChatSession) => StepResult): void {
        if (!this.session) return;
        const result = step(this.session);
        this.notice = result.ok ? undefined : result.error;
        this.show(this.session.state, true);
    }

    private show(state: ChatState | undefined, keepFocus = false): void {
        const session = this.session;
        if (!session || !state) return;
        const hadFocus = keepFocus || this.element.contains(document.activeElement);
        this.renderTranscript(session, state);
        this.renderReply(state);
        this.renderGoals(session.graph, state);
        this.variables.render(session.graph, state.variables);
        this.backButton.disabled = !session.canStepBack;
        this.onState(state);
        if (hadFocus) this.reply.querySelector<HTMLElement>('input, button')?.focus();
    }

    private renderTranscript(session: ChatSession, state: ChatState): void {
        const items: HTMLElement[] = [];
        if (session.startedFrom) {
            const sensitive = sensitiveVariables(session.graph);
            const shown = Object.entries(session.startVariables).map(([name, value]) => `${name} = ${sensitive.has(name) ? '••••••' : formatValue(value)}`);
            items.push(h('li', { class: 'cf-msg system' }, `Started at ${session.startedFrom.split('.').pop()}${shown.length ? ` with ${shown.join(', ')}` : ''}.`));
        }
        for (const message of state.transcript) {
            items.push(h('li', { class: `cf-msg ${message.from}${message.retry ? ' retry' : ''}`, 'data-box': message.box }, message.text));
        }
        const closing = closingLine(session.graph, state);
        if (closing) items.push(h('li', { class: `cf-msg system ${state.status}` }, closing));
        if (this.notice) items.push(h('li', { class: 'cf-msg system error', role: 'alert' }, this.notice));
        this.transcript.replaceChildren(...items);
        this.transcript.lastElementChild?.scrollIntoView({ block: 'nearest' });
    }

    private renderReply(state: ChatState): void {
        const awaiting = state.status === 'waiting' ? state.awaiting : undefined;
        if (!awaiting) {
            this.reply.replaceChildren();
            return;
        }
        switch (awaiting.kind) {
            case 'choice':
                this.reply.replaceChildren(h('div', { class: 'cf-choices', role: 'group', 'aria-label': 'Choices' },
                    ...awaiting.options.map(o => this.button(o.label, 'choice', () => this.act(s => s.choose(o.label))))));
                break;
            case 'outcome':
                this.reply.replaceChildren(h('div', { class: 'cf-outcomes', role: 'group', 'aria-label': 'Action outcome' },
                    h('span', { class: 'cf-muted' }, 'The action returns:'),
                    ...awaiting.outcomes.map(o => this.button(o.name, 'outcome', () => this.act(s => s.outcome(o.name))))));
                break;
            case 'input': {
                const type = awaiting.type as VariableType;
                const input = h('input', {
                    type: 'text', class: 'cf-answer', 'aria-label': `Answer (${typeHint(type)})`, placeholder: `Type ${typeHint(type)}…`, autocomplete: 'off'
                });
                const form = h('form', { class: 'cf-answer-form' }, input, h('button', { type: 'submit', class: 'cf-button primary' }, 'Send'));
                form.addEventListener('submit', e => {
                    e.preventDefault();
                    if (input.value.trim() !== '') this.act(s => s.answer(input.value));
                });
                const quick = type === 'yesno'
                    ? h('div', { class: 'cf-choices' }, ...['yes', 'no'].map(v => this.button(v, 'quick', () => this.act(s => s.answer(v)))))
                    : undefined;
                const note = awaiting.sensitive ? h('p', { class: 'cf-muted' }, 'Sensitive answer: masked in the variables panel.') : undefined;
                this.reply.replaceChildren(form, quick ?? '', note ?? '');
                break;
            }
        }
    }

    private renderGoals(graph: FlowGraph, state: ChatState): void {
        const arms = Object.entries(state.arms ?? {}).map(([split, arm]) =>
            h('span', { class: 'cf-arm-badge', 'data-split': split, 'data-arm': arm, title: `The split ${split} gave this chat arm ${arm}` },
                `${graph.boxes.find(b => b.id === split)?.name ?? split}: arm ${arm}`));
        if (state.goals.length === 0) {
            this.goals.replaceChildren(h('p', { class: 'cf-muted' }, 'No goal reached yet.'), ...arms);
            return;
        }
        this.goals.replaceChildren(...state.goals.map(name => {
            const label = graph.goals.find(g => g.name === name)?.label ?? name;
            return h('span', { class: 'cf-goal-badge', 'data-goal': name, title: `goal ${name}` }, `★ ${label}`);
        }), ...arms);
    }

    private button(label: string, kind: string, onClick: () => void): HTMLButtonElement {
        const button = h('button', { type: 'button', class: `cf-button ${kind}` }, label);
        button.addEventListener('click', onClick);
        return button;
    }
}

function closingLine(graph: FlowGraph, state: ChatState): string | undefined {
    const box = graph.boxes.find(b => b.id === state.current);
    switch (state.status) {
        case 'ended': return `Chat ended at ${box?.name ?? state.current}.`;
        case 'handoff': return `Handed off to a human${box?.queue ? ` (queue ${box.queue})` : ''}: the chat is closed.`;
        case 'stuck': return `The chat is stuck: ${state.problem ?? 'no way on'}`;
        default: return undefined;
    }
}
