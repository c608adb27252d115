import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { ChatflowAstType, Flow } from './generated/ast.js';
import type { ChatflowServices } from './chatflow-module.js';

/** Machine-readable codes of every diagnostic this language reports. Tests assert on them. */
export namespace IssueCodes {
    export const MissingStart = 'missing-start';
}

export function registerValidationChecks(services: ChatflowServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.ChatflowValidator;
    const checks: ValidationChecks<ChatflowAstType> = {
        Flow: validator.checkStart
    };
    registry.register(checks, validator);
}

export class ChatflowValidator {
    constructor(_services: ChatflowServices) {}

    checkStart(flow: Flow, accept: ValidationAcceptor): void {
        if (flow.starts.length === 0) {
            accept('error', `Flow '${flow.name}' has no start box. Add 'start <box>'.`, { node: flow, property: 'name', code: IssueCodes.MissingStart });
        }
    }
}
