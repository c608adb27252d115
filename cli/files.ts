import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath } from './diagnostics.js';
import { UsageError } from './errors.js';

export const CHATFLOW_EXTENSION = '.chatflow';

/**
 * Expands files and folders given on the command line into absolute .chatflow paths, sorted and
 * without duplicates. Folders are searched recursively, skipping node_modules and dot-folders.
 */
export function findChatflowFiles(inputs: readonly string[], cwd = process.cwd()): string[] {
    if (inputs.length === 0) {
        throw new UsageError('no files or folders given. Pass .chatflow files or folders, e.g. chatflow validate examples');
    }
    const found = new Set<string>();
    for (const input of inputs) {
        const absolute = path.resolve(cwd, input);
        const stat = statOrThrow(input, absolute, cwd);
        if (stat.isDirectory()) {
            const inFolder = searchFolder(absolute, cwd);
            if (inFolder.length === 0) {
                throw new UsageError(`no ${CHATFLOW_EXTENSION} files in folder '${input}'. Pass a folder that contains ${CHATFLOW_EXTENSION} files.`);
            }
            inFolder.forEach(file => found.add(file));
        } else {
            found.add(requireChatflowFile(input, absolute));
        }
    }
    return [...found].sort();
}

/** One .chatflow file given on the command line, as an absolute path. */
export function findChatflowFile(input: string, cwd = process.cwd()): string {
    const absolute = path.resolve(cwd, input);
    if (statOrThrow(input, absolute, cwd).isDirectory()) {
        throw new UsageError(`'${input}' is a folder. Pass one ${CHATFLOW_EXTENSION} file.`);
    }
    return requireChatflowFile(input, absolute);
}

/** The other .chatflow files in the same folder (not recursive), so cross-file references resolve. */
export function siblingChatflowFiles(file: string): string[] {
    const folder = path.dirname(file);
    return fs.readdirSync(folder, { withFileTypes: true })
        .filter(entry => entry.isFile() && entry.name.endsWith(CHATFLOW_EXTENSION))
        .map(entry => path.join(folder, entry.name))
        .filter(sibling => sibling !== file)
        .sort();
}

function searchFolder(folder: string, cwd: string): string[] {
    const result: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
            result.push(...searchFolder(full, cwd));
        } else if (entry.name.endsWith(CHATFLOW_EXTENSION) && (entry.isFile() || isLinkedFile(full, cwd))) {
            result.push(full);
        }
    }
    return result;
}

/** A symbolic link to a file counts as that file; a broken one is reported, not skipped. */
function isLinkedFile(link: string, cwd: string): boolean {
    if (!fs.lstatSync(link).isSymbolicLink()) return false;
    return statOrThrow(displayPath(link, cwd), link, cwd).isFile();
}

function statOrThrow(input: string, absolute: string, cwd: string): fs.Stats {
    try {
        return fs.statSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
            const link = fs.lstatSync(absolute, { throwIfNoEntry: false });
            if (link?.isSymbolicLink()) throw new UsageError(`cannot read '${input}': it is a link to '${fs.readlinkSync(absolute)}', which does not exist. Fix or remove the link.`);
            throw new UsageError(`'${input}' does not exist. Check the path (it is relative to ${cwd}).`);
        }
        throw new UsageError(`cannot read '${input}' (${code ?? String(error)}). Check that the path exists and is readable.`);
    }
}

function requireChatflowFile(input: string, absolute: string): string {
    if (!absolute.endsWith(CHATFLOW_EXTENSION)) {
        throw new UsageError(`'${input}' is not a ${CHATFLOW_EXTENSION} file. Pass ${CHATFLOW_EXTENSION} files or folders that contain them.`);
    }
    return absolute;
}
