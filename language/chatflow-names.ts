import type { Box, Flow } from './generated/ast.js';

/** The stable id of a box: `Flow.box`. */
export function boxId(box: Box): string {
    return `${flowOf(box).name}.${box.name}`;
}

export function flowOf(box: Box): Flow {
    return box.$container;
}
