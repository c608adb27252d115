// bench/demo: how long `npm run demo` takes to serve VS Code, cold (nothing installed: build,
// package, install the .vsix into a fresh code-server folder, import the sample logs) against
// warm (the second run: same sources, so it keeps the install and the imported logs), in the
// same script. Each run is stopped with SIGINT, as Ctrl-C does, and must leave no process behind.
//   npm run bench:demo        (BENCH_DEMO_WARM_RUNS=5 to change the number of warm runs)
// It deletes examples/.chatflow/analytics.db for the cold run (the demo imports it again).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, projectRoot } from '../../scripts/code-server.mjs';

const WARM_RUNS = Number(process.env.BENCH_DEMO_WARM_RUNS ?? 3);

/** Starts the demo, resolves the seconds until it printed its URL, then stops it with SIGINT. */
async function demoRun(dataDir) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, ['scripts/demo.mjs', '--port', String(port)], {
        cwd: projectRoot, env: { ...process.env, CHATFLOW_DEMO_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
    const seconds = await new Promise((resolve, reject) => {
        const onData = chunk => {
            output += chunk;
            if (output.includes('Chatflow Studio demo: http://127.0.0.1:')) resolve((performance.now() - started) / 1000);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then(({ code }) => reject(new Error(`the demo exited (code ${code}) before printing its URL:\n${output}`)));
    });
    const stopping = performance.now();
    child.kill('SIGINT');
    const { code } = await exited;
    const stopSeconds = (performance.now() - stopping) / 1000;
    if (code !== 0) throw new Error(`the demo did not stop cleanly on SIGINT (exit ${code}):\n${output}`);
    const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    if (answered) throw new Error(`code-server still answers on port ${port} after the demo stopped`);
    return { seconds, stopSeconds };
}

const dataDir = mkdtempSync(join(tmpdir(), 'chatflow-bench-demo-'));
try {
    rmSync(join(projectRoot, 'examples', '.chatflow', 'analytics.db'), { force: true });
    const cold = await demoRun(dataDir);
    console.log(`cold start (build, package, install, import): ${cold.seconds.toFixed(1)} s to the URL; stop ${cold.stopSeconds.toFixed(1)} s`);
    const warm = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await demoRun(dataDir));
    const times = warm.map(w => w.seconds).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`warm start (second run on): median ${median.toFixed(2)} s to the URL over ${WARM_RUNS} runs (${times.map(t => t.toFixed(2)).join(', ')}); stop ≤ ${Math.max(...warm.map(w => w.stopSeconds)).toFixed(1)} s`);
    console.log(`ratio warm/cold: ${(median / cold.seconds).toFixed(3)} (${(cold.seconds / median).toFixed(1)}x faster)`);
} finally {
    rmSync(dataDir, { recursive: true, force: true });
}
