import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import { dentalSuite, engineStore, ENGINES, FIXTURES, graphsOf, importInto, type TempFolder } from './helpers.js';

const golden = path.join(FIXTURES, 'golden.jsonl');

for (const engine of ENGINES) describe(`analytics answers remembered until the data changes (${engine})`, () => {
    const suite = dentalSuite();
    let context: FlowContext;
    let temp: TempFolder;
    let early: string;

    beforeEach(() => {
        ({ context, temp } = suite);
        // The first 80 lines of the golden log: a day's export before the rest came in.
        early = path.join(temp.folder, 'dental-early.jsonl');
        fs.writeFileSync(early, fs.readFileSync(golden, 'utf8').split('\n').slice(0, 80).join('\n') + '\n');
    });

    it('answers a repeated question from memory, as a copy the caller may change', async () => {
        const store = await engineStore(engine, temp);
        await importInto(store, [golden], context);
        const first = await store.boxStats(context);
        const hits = store.memo.hits;
        first['Dental.welcome'].visits = 9999;
        const second = await store.boxStats(context);
        assert.strictEqual(store.memo.hits, hits + 1);
        assert.notStrictEqual(second['Dental.welcome'].visits, 9999);
        assert.deepStrictEqual(second, await fresh(golden));
        await store.close();
    });

    it('tells filters and flows apart: another version or another goal mark is another question', async () => {
        const store = await engineStore(engine, temp);
        await importInto(store, [golden], context);
        const all = await store.visits(context);
        const v2 = await store.visits(context, { version: 'v2' });
        assert.ok(sum(v2) < sum(all), 'the v2 visits are a part of all visits');

        const graphs = await graphsOf(path.join(FIXTURES, 'dental.chatflow'));
        const welcome = graphs[0].boxes.find(b => b.id === 'Dental.welcome')!;
        welcome.goals = [...welcome.goals, 'greeted'];
        const marked = new FlowContext(graphs);
        const conversions = await store.conversions(marked);
        assert.deepStrictEqual(conversions.find(c => c.goal === 'greeted')?.chats, all.find(v => v.box === 'Dental.welcome')!.chats);
        assert.strictEqual((await store.conversions(context)).find(c => c.goal === 'greeted'), undefined);
        await store.close();
    });

    it('keeps its answers across an edit that moves the boxes but changes no box, edge or goal (a comment, a reworded text)', async () => {
        const store = await engineStore(engine, temp);
        await importInto(store, [golden], context);
        await store.boxStats(context);
        const source = fs.readFileSync(path.join(FIXTURES, 'dental.chatflow'), 'utf8');
        const edited = path.join(temp.folder, 'dental.chatflow');
        fs.writeFileSync(edited, `// Reviewed by the front desk.\n\n${source.replace('Hi, welcome', 'Hello, welcome')}`);
        const moved = new FlowContext(await graphsOf(edited));
        assert.notDeepStrictEqual(moved.boxes.get('Dental.welcome')?.range, context.boxes.get('Dental.welcome')?.range, 'the edit moved the boxes');
        const hits = store.memo.hits;
        await store.boxStats(moved);
        assert.strictEqual(store.memo.hits, hits + 1, 'the numbers come from memory');
        await store.close();
    });

    it('forgets everything when this store imports more', async () => {
        const store = await engineStore(engine, temp);
        await importInto(store, [early], context);
        const before = await store.boxStats(context);
        await importInto(store, [golden], context);
        const after = await store.boxStats(context);
        assert.notDeepStrictEqual(after, before);
        assert.deepStrictEqual(after, await fresh(golden));
        await store.close();
    });

    it('forgets everything when another process imports into the same file (the CLI while the editor shows numbers)', async () => {
        const shown = await engineStore(engine, temp);
        await importInto(shown, [early], context);
        const before = await shown.edges(context);
        assert.deepStrictEqual(await shown.edges(context), before);

        const cli = await engineStore(engine, temp);
        await importInto(cli, [golden], context);
        await cli.close();

        const clean = await engineStore(engine, temp, 'clean');
        await importInto(clean, [golden], context);
        const after = await shown.edges(context);
        assert.notDeepStrictEqual(after, before);
        assert.deepStrictEqual(after, await clean.edges(context));
        await clean.close();
        await shown.close();
    });

    it('inside a snapshot, answers (computed or remembered) come from it, not from a commit made meanwhile; the next question sees the commit', async () => {
        const shown = await engineStore(engine, temp);
        await importInto(shown, [early], context);
        const other = await engineStore(engine, temp); // the same database, another connection
        const inside = await shown.snapshot(async () => {
            const visits = await shown.visits(context);
            await importInto(other, [golden], context); // another connection commits the rest
            return { visits, again: await shown.visits(context), stats: await shown.boxStats(context), overview: await shown.overview() };
        });
        assert.deepStrictEqual(inside.again, inside.visits);
        assert.strictEqual(inside.stats['Dental.welcome'].visits, inside.visits.find(v => v.box === 'Dental.welcome')!.chats);
        assert.strictEqual(inside.overview.events, 80);
        // Nothing computed in the old snapshot is served as the new state's answer.
        assert.strictEqual((await shown.overview()).events, 132);
        assert.deepStrictEqual(await shown.boxStats(context), await fresh(golden));
        await other.close();
        await shown.close();
    });

    /** boxStats of a database holding just this log. */
    async function fresh(log: string) {
        const store = await engineStore(engine, temp, `fresh-${path.basename(log)}`);
        await importInto(store, [log], context);
        const stats = await store.boxStats(context);
        await store.close();
        return stats;
    }
});

function sum(visits: ReadonlyArray<{ chats: number }>): number {
    return visits.reduce((total, v) => total + v.chats, 0);
}
