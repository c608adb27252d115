import { JsonArrayElements, MAX_ELEMENT_CHARS, type ArrayElement } from '../json-array-elements.js';
import { readLines } from '../line-reader.js';

/** One record of a platform export, parsed, with the line it starts on; or why it is not one. */
export type JsonRecord = { line: number; value: Record<string, unknown> } | { line: number; error: string };

export interface RecordChunk {
    records: JsonRecord[];
    /** Lines read so far, for progress. */
    lines: number;
}

/** `2024-03-05T10:12:01.123Z {...}`: a CloudWatch Logs export to S3 puts each event's time before its message. */
const CLOUDWATCH_PREFIX = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z? (?=[{[])/;

/**
 * The records of a platform export, streamed (gzip decompressed on the fly) so memory stays that
 * of one record whatever the file's size. The layouts platforms and their tools write:
 * - one JSON array of records, on one line or pretty-printed (Bot Framework .transcript, a
 *   BigQuery JSON result, a Voiceflow dialog): split element by element;
 * - JSON Lines (BigQuery NEWLINE_DELIMITED_JSON, CloudWatch exports, with or without each line's
 *   timestamp prefix);
 * - pretty-printed objects one after another (a `jq .` of the above), each starting at column 0.
 * A broken record is reported at the line it starts on, and costs only itself.
 */
export async function* readJsonRecords(file: string): AsyncGenerator<RecordChunk> {
    let mode = 'unknown' as 'unknown' | 'array' | 'lines';
    const elements = new JsonArrayElements();
    const objects = new PrettyObjects();
    let lines = 0;
    for await (const chunk of readLines(file)) {
        const records: JsonRecord[] = [];
        chunk.lines.forEach((text, i) => {
            const line = chunk.first + i;
            if (mode === 'unknown') {
                const start = text.trimStart();
                if (start === '') return;
                mode = start.startsWith('[') ? 'array' : 'lines';
            }
            if (mode === 'array') for (const element of elements.push(text, line)) records.push(parseElement(element));
            else objects.push(text, line, records);
        });
        lines += chunk.lines.length;
        yield { records, lines };
    }
    const records: JsonRecord[] = [];
    if (mode === 'array') for (const element of elements.end()) records.push(parseElement(element));
    else objects.end(records);
    if (records.length > 0) yield { records, lines };
}

function parseElement(element: ArrayElement): JsonRecord {
    if ('error' in element) return element;
    return parseRecord(element.text, element.line);
}

export function parseRecord(text: string, line: number): JsonRecord {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        return { line, error: `not JSON (${(error as Error).message}): fix the record, or remove it` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { line, error: 'not a JSON object: each record of a platform export is one object' };
    return { line, value: value as Record<string, unknown> };
}

/**
 * JSON Lines, and objects pretty-printed over several lines: a line that does not parse alone
 * and opens an object is joined with the next ones until the object closes. A line starting a new
 * object at column 0 ends a broken one (reported), so a cut line never swallows good ones.
 */
class PrettyObjects {
    private parts: string[] = [];
    private start = 0;
    private size = 0;

    push(raw: string, line: number, out: JsonRecord[]): void {
        const text = raw.replace(CLOUDWATCH_PREFIX, '');
        if (this.parts.length > 0) {
            if (text.startsWith('{')) this.fail(out);
            else {
                this.parts.push(text);
                this.size += text.length;
                if (text === '}' || text.startsWith('}')) this.close(out);
                else if (this.size > MAX_ELEMENT_CHARS) this.fail(out, `a record of more than ${MAX_ELEMENT_CHARS} characters: split it up, or remove it`);
                return;
            }
        }
        const trimmed = text.trim();
        if (trimmed === '') return;
        const record = parseRecord(trimmed, line);
        if ('value' in record || !trimmed.startsWith('{') || trimmed.endsWith('}')) {
            out.push(record);
            return;
        }
        this.parts = [text];
        this.start = line;
        this.size = text.length;
    }

    end(out: JsonRecord[]): void {
        if (this.parts.length > 0) this.fail(out, 'this record is cut off at the end of the file: complete it, or remove it');
    }

    private close(out: JsonRecord[]): void {
        const record = parseRecord(this.parts.join('\n'), this.start);
        this.parts = [];
        this.size = 0;
        out.push(record);
    }

    private fail(out: JsonRecord[], reason = 'this record never closes before the next one starts: complete it, or remove it'): void {
        out.push({ line: this.start, error: reason });
        this.parts = [];
        this.size = 0;
    }
}
