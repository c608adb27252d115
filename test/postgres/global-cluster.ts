import { startCluster, type Cluster } from './cluster.js';

/**
 * Mocha global fixtures: one throwaway PostgreSQL server for the whole run, stopped at the end.
 * Tests reach it through CHATFLOW_TEST_POSTGRES (see test/postgres/databases.ts). No server
 * installed is an error that says how to install one, never a skipped test.
 */
let cluster: Cluster | undefined;

export async function mochaGlobalSetup(): Promise<void> {
    cluster = await startCluster();
    process.env.CHATFLOW_TEST_POSTGRES = cluster.url;
}

export async function mochaGlobalTeardown(): Promise<void> {
    await cluster?.stop();
}
