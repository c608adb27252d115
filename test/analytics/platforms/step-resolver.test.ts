import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import { StepResolver } from '../../../analytics/import/platform/step-resolver.js';
import { graphsOf, tempFolder } from '../helpers.js';

const FLOW = `
flow Shop "Text matching" {
    start hello
    var name: text
    var item: text
    message hello "Hello {name}!" { -> greet }
    message greet "Hello  there, friend." { -> ask }
    input ask "Which {item} do you want?" { save item  retry "Sorry, which one?" -> order }
    message order "Your {item} is ordered." { alias "Order.Confirm" -> same_a }
    message same_a "Done: {item}." { -> same_b }
    message same_b "Done: {name}." { -> hello }
}
`;

describe('mapping a platform step to a box', () => {
    let resolver: StepResolver;

    before(async function () {
        this.timeout(60_000);
        const temp = tempFolder();
        const file = path.join(temp.folder, 'shop.chatflow');
        fs.writeFileSync(file, FLOW);
        resolver = new StepResolver(new FlowContext(await graphsOf(file)));
        await temp.cleanup();
    });

    it('takes an alias (or name) equal to the step key first, whatever the text says', () => {
        assert.deepStrictEqual(resolver.resolve('Shop', 'Order.Confirm', 'Hello there, friend.'), { box: 'Shop.order', by: 'alias', retry: false });
        assert.deepStrictEqual(resolver.resolve('Shop', 'greet', null), { box: 'Shop.greet', by: 'alias', retry: false });
    });

    it('matches the whole text ignoring whitespace, case and trailing punctuation, {var} matching any text', () => {
        assert.deepStrictEqual(resolver.resolve('Shop', 'unknown page', '  HELLO there,\nfriend!!'), { box: 'Shop.greet', by: 'text', retry: false });
        assert.deepStrictEqual(resolver.resolve('Shop', undefined, 'Which blue sweater do you want'), { box: 'Shop.ask', by: 'text', retry: false });
        assert.deepStrictEqual(resolver.resolve('Shop', undefined, 'Sorry, which one?'), { box: 'Shop.ask', by: 'text', retry: true });
        assert.strictEqual(resolver.resolve('Shop', undefined, 'Which blue sweater do you want? We have three.'), undefined);
        assert.strictEqual(resolver.resolve('Shop', undefined, '   '), undefined);
    });

    it('prefers the most specific text (most literal characters) and reports an equal best as a tie', () => {
        // "Hello {name}!" matches too, but "Hello  there, friend." fixes every character.
        assert.deepStrictEqual(resolver.resolve('Shop', undefined, 'Hello there, friend'), { box: 'Shop.greet', by: 'text', retry: false });
        assert.deepStrictEqual(resolver.resolve('Shop', undefined, 'Hello Maria!'), { box: 'Shop.hello', by: 'text', retry: false });
        assert.deepStrictEqual(resolver.resolve('Shop', undefined, 'Done: socks.'), { tie: ['Shop.same_a', 'Shop.same_b'] });
    });
});
