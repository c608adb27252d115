import type * as vscode from 'vscode';
import type { FlowGraph } from '../../language/flow-model.js';
import { flowItemId, testItemId, type TestItemData } from './test-data.js';
import { toRange } from './to-range.js';

/** The item of one flow with an item per `test` block, each at its source range. */
export function flowItem(controller: vscode.TestController, data: WeakMap<vscode.TestItem, TestItemData>,
    uri: vscode.Uri, graph: FlowGraph): vscode.TestItem {
    const item = controller.createTestItem(flowItemId(uri.toString(), graph.flow), graph.flow, uri);
    item.description = graph.label;
    item.range = toRange(graph.range);
    data.set(item, { kind: 'flow', flow: graph.flow });
    item.children.replace(graph.tests.map(test => {
        const testItem = controller.createTestItem(testItemId(uri.toString(), graph.flow, test.name), test.name, uri);
        testItem.range = toRange(test.range);
        data.set(testItem, { kind: 'test', flow: graph.flow, name: test.name });
        return testItem;
    }));
    return item;
}
