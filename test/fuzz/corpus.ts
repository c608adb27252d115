import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { WorkspaceFile } from './editor-session.js';

/** A seed document to mutate, with the files of its folder that it references or that reference it. */
export interface CorpusEntry {
    /** Path relative to the repository, e.g. `examples/clinic.chatflow`. */
    path: string;
    text: string;
    /** Served beside the mutant so cross-file references (`Desk.farewell`) link as in a workspace. */
    siblings: WorkspaceFile[];
}

/** Where seed documents come from: the examples and every test fixture. */
export const CORPUS_FOLDERS = ['examples', 'test/fixtures'];

/** The .chatflow files under the corpus folders (fuzz findings excluded: they are minimal already). */
export function loadCorpus(root = '.'): CorpusEntry[] {
    const paths = CORPUS_FOLDERS.flatMap(folder => chatflowFiles(join(root, folder))).filter(path => !path.includes(join('fixtures', 'fuzz')));
    const texts = new Map(paths.map(path => [path, readFileSync(path, 'utf8')]));
    return paths.map(path => ({
        path: relative(root, path),
        text: texts.get(path)!,
        siblings: paths
            .filter(other => other !== path && dirname(other) === dirname(path) && related(texts.get(path)!, texts.get(other)!))
            .map(other => ({ name: basename(other), text: texts.get(other)! }))
    }));
}

function chatflowFiles(folder: string): string[] {
    return readdirSync(folder).sort().flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return chatflowFiles(path);
        return name.endsWith('.chatflow') ? [path] : [];
    });
}

/** Whether either text names a flow of the other as `Flow.box`, or a goal of the other. */
function related(a: string, b: string): boolean {
    return mentions(a, b) || mentions(b, a);
}

function mentions(text: string, other: string): boolean {
    const declared = [...other.matchAll(/^\s*(?:flow|goal)\s+([_a-zA-Z]\w*)/gm)].map(m => m[1]);
    return declared.some(name => new RegExp(`\\b${name}\\.|goal\\s+${name}\\b|expect\\s+goal\\s+${name}\\b`).test(text));
}
