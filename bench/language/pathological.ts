/**
 * Benchmark: the inputs that once made the language server slow (the regression tests in
 * test/language check what they produce; the time is measured here). Each figure beside a peer
 * of the same size that is well-formed, in the same process.
 *
 * Usage: npx tsx bench/language/pathological.ts
 */
import * as os from 'node:os';
import { EmptyFileSystem } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';

const { Chatflow } = createChatflowServices(EmptyFileSystem);

function median(run: () => void, times = 5): number {
    run();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
        const start = performance.now();
        run();
        samples.push(performance.now() - start);
    }
    return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

function line(figure: string, ms: number, peer: string, peerMs: number, before: string): void {
    console.log(`${figure.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms   peer ${peer}: ${peerMs.toFixed(1)} ms   ratio ${(ms / peerMs).toFixed(2)}   (${before})`);
}

console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map(l => l.toFixed(2)).join(' ')}; node ${process.version}`);

const unterminated = `flow F {\n    message m "${'\\"'.repeat(40_000)}\n}\n`;
const terminated = `flow F {\n    message m "${'ab'.repeat(40_000)}"\n}\n`;
line('lex an unterminated string of 80,000 characters of \\"', median(() => Chatflow.parser.Lexer.tokenize(unterminated)),
    'a closed string as long', median(() => Chatflow.parser.Lexer.tokenize(terminated)), 'goal of the old test: < 500 ms');

const errors = `flow F {\n    start c\n    choice c "Q" {\n        "Talk" ${'""'.repeat(10_000)} -> bye\n        \n    }\n    end bye\n}\n`;
const valid = `flow F {\n    start c\n    choice c "Q" {\n        "Talk" -> bye\n${'        "x" -> bye\n'.repeat(2_000)}    }\n    end bye\n}\n`;
line('parse 10,000 syntax errors', median(() => Chatflow.parser.LangiumParser.parse(errors)),
    `valid text of ${valid.length.toLocaleString('en-US')} characters`, median(() => Chatflow.parser.LangiumParser.parse(valid)), 'over 4 s before the fix; old test goal < 2 s');
