/**
 * What the UI thread sends the layout worker and what it gets back. Only geometry crosses the
 * worker boundary: the worker never sees box texts, so the messages stay small.
 */

export type Direction = 'DOWN' | 'RIGHT';

export interface LayoutBox {
    id: string;
    width: number;
    height: number;
    /** Ids of the outgoing edges that leave through their own port, in button order. */
    ports?: string[];
}

export interface LayoutEdge {
    id: string;
    from: string;
    to: string;
    /** Measured size of the edge label, when the edge has one. */
    label?: { text: string; width: number; height: number };
}

export interface LayoutInput {
    direction: Direction;
    boxes: LayoutBox[];
    edges: LayoutEdge[];
}

/** x, y, width, height. */
export type Rect = [number, number, number, number];

export interface LaidOutEdge {
    /** Polyline as flat x,y pairs, from the source to the target. */
    points: number[];
    label?: Rect;
}

export interface LayoutResult {
    width: number;
    height: number;
    boxes: Record<string, Rect>;
    edges: Record<string, LaidOutEdge>;
    /** Milliseconds spent inside elk.layout(). */
    elkMs: number;
}

export type ToLayoutWorker = { type: 'layout'; id: number; input: LayoutInput };

export type FromLayoutWorker =
    | { type: 'laidOut'; id: number; result: LayoutResult }
    | { type: 'failed'; id: number; message: string };
