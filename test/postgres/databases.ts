import pg from 'pg';

let next = 0;

/** The test run's PostgreSQL server (started by global-cluster.ts). */
export function testServerUrl(): string {
    const url = process.env.CHATFLOW_TEST_POSTGRES;
    if (!url) throw new Error('No test PostgreSQL server: run the tests through mocha (its global fixture test/postgres/global-cluster.ts starts one).');
    return url;
}

/** The URL of `database` on the test server, as `user` (default: the trusted superuser). */
export function urlOf(database: string, user?: string): string {
    const url = new URL(testServerUrl());
    url.pathname = `/${database}`;
    if (user) url.username = user;
    return url.toString();
}

/** Runs SQL as the superuser on the server's maintenance database. */
export async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    try {
        await client.query(sql);
    } finally {
        await client.end();
    }
}

/** A fresh empty database for one test; `drop()` removes it (and closes whatever is still connected). */
export async function freshDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
    const name = `chatflow_test_${process.pid}_${++next}`;
    await admin(`CREATE DATABASE ${name}`);
    return { name, url: urlOf(name), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
