import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** A throwaway PostgreSQL server on 127.0.0.1 for one test run (or one benchmark). */
export interface Cluster {
    /** `postgres://chatflow@127.0.0.1:PORT/postgres`: the superuser, trusted from 127.0.0.1. */
    url: string;
    port: number;
    dir: string;
    /** A URL for another database or role on the same server. */
    urlFor(database: string, user?: string): string;
    stop(): Promise<void>;
}

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
    const root = '/usr/lib/postgresql';
    const versions = fs.existsSync(root) ? fs.readdirSync(root).filter(v => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
    if (versions.length === 0) {
        throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run `npm run tools` (it installs Debian\'s postgresql), or `sudo apt-get install -y postgresql`.');
    }
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

/**
 * initdb into a temp folder and start the server on a free port; `stop()` shuts it down
 * (immediate) and removes the folder. As root (CI, containers), initdb and the server run as the
 * `postgres` user, since PostgreSQL refuses to run as root. Durability settings are off: the
 * tests kill clients, never this server.
 */
export async function startCluster(): Promise<Cluster> {
    const bin = postgresBin();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-pg-'));
    const asRoot = process.getuid?.() === 0;
    const run = (command: string, args: string[]) => {
        const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
        const result = spawnSync(file, argv, { encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    };
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    fs.chmodSync(dir, 0o700);
    run('initdb', ['-D', dir, '-A', 'trust', '-U', 'chatflow', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // The superuser is trusted from 127.0.0.1; every other role must give its password, so the
    // tests of wrong and missing passwords mean something.
    fs.writeFileSync(path.join(dir, 'pg_hba.conf'), [
        'local all all trust',
        'host all chatflow 127.0.0.1/32 trust',
        'host all all 127.0.0.1/32 scram-sha-256',
        ''
    ].join('\n'));
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run('pg_ctl', ['-D', dir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    const urlFor = (database: string, user = 'chatflow') => `postgres://${user}@127.0.0.1:${port}/${database}`;
    return {
        url: urlFor('postgres'), port, dir, urlFor,
        async stop() {
            spawnSync(asRoot ? 'runuser' : path.join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', dir, '-m', 'immediate', 'stop'] : ['-D', dir, '-m', 'immediate', 'stop']);
            fs.rmSync(dir, { recursive: true, force: true });
        }
    };
}
