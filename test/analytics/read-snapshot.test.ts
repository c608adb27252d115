import * as assert from 'node:assert';
import { ReadSnapshots } from '../../analytics/sqlite/read-snapshot.js';

/** A ReadSnapshots over a fake connection that logs what runs, in order. */
function gate(options: { failEnd?: boolean } = {}) {
    const log: string[] = [];
    const tick = () => new Promise(resolve => setTimeout(resolve, 1));
    const snapshots = new ReadSnapshots(async () => { log.push('BEGIN'); await tick(); }, async () => {
        log.push('COMMIT');
        await tick();
        if (options.failEnd) throw new Error('SQLITE_MISUSE: Database is closed');
    });
    const read = (name: string) => snapshots.read(async () => { log.push(`${name} start`); await tick(); log.push(`${name} end`); return name; });
    const write = (name: string) => snapshots.write(async () => { log.push(`${name} start`); await tick(); log.push(`${name} end`); return name; });
    return { log, snapshots, read, write };
}

describe('read snapshots on one connection: readers share one read transaction, a writer runs alone', () => {
    it('lets readers that overlap share one BEGIN ... COMMIT, and runs a nested call in its caller\'s turn', async () => {
        const { log, snapshots, read } = gate();
        await Promise.all([read('a'), read('b'), snapshots.read(() => read('nested'))]);
        assert.deepStrictEqual(log.filter(l => l === 'BEGIN' || l === 'COMMIT'), ['BEGIN', 'COMMIT']);
        assert.strictEqual(log[0], 'BEGIN');
        assert.strictEqual(log[log.length - 1], 'COMMIT');
    });

    it('runs a write after the readers\' COMMIT, and readers that come while it waits after it', async () => {
        const { log, read, write } = gate();
        await Promise.all([read('a'), write('w'), read('b')]);
        assert.deepStrictEqual(log, ['BEGIN', 'a start', 'a end', 'COMMIT', 'w start', 'w end', 'BEGIN', 'b start', 'b end', 'COMMIT']);
    });

    it('stays usable when ending a read transaction fails (the connection closed meanwhile)', async () => {
        const { read, write } = gate({ failEnd: true });
        assert.strictEqual(await read('a'), 'a');
        assert.strictEqual(await write('w'), 'w');
        assert.strictEqual(await read('b'), 'b');
    });
});
