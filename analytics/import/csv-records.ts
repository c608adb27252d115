import type { LineChunk } from './line-reader.js';

export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * RFC 4180 records over a stream of lines: fields separated by commas; a field in double quotes
 * may hold commas, newlines and doubled quotes (""). A record that spans lines is reported at
 * the line it starts on.
 */
export class CsvRecords {
    private pending: string[] = [];
    private pendingLine = 0;
    private inQuotes = false;

    /** The records completed by this chunk of lines. */
    push(chunk: LineChunk): CsvRecord[] {
        const records: CsvRecord[] = [];
        for (let i = 0; i < chunk.lines.length; i++) this.pushLine(chunk.lines[i], chunk.first + i, records);
        return records;
    }

    /**
     * At the end of the file: a quoted field that never closed is reported at its record's first
     * line, and the lines after it are read again as records of their own, so one stray quote
     * does not swallow every good line after it.
     */
    end(): CsvRecord[] {
        const records: CsvRecord[] = [];
        while (this.pending.length > 0) {
            const [, ...rest] = this.pending;
            const line = this.pendingLine;
            records.push({ line, error: 'a quoted field opened on this line is never closed: double the quotes inside a quoted field ("")' });
            this.pending = [];
            this.inQuotes = false;
            for (let i = 0; i < rest.length; i++) this.pushLine(rest[i], line + 1 + i, records);
        }
        return records;
    }

    private pushLine(text: string, line: number, records: CsvRecord[]): void {
        if (this.pending.length === 0) {
            if (text.indexOf('"') < 0) {
                // Fast path: no quotes, one line, plain split.
                if (text !== '') records.push({ line, fields: text.split(',') });
                return;
            }
            this.pendingLine = line;
            this.inQuotes = false;
        }
        this.pending.push(text);
        this.inQuotes = endsInsideQuotes(text, this.inQuotes);
        if (!this.inQuotes) {
            const record = this.pending.join('\n');
            this.pending = [];
            records.push(parseRecord(record, this.pendingLine));
        }
    }
}

/**
 * Whether a record is still inside a quoted field at the end of this line. Only a quote at the
 * start of a field opens one; a quote inside an unquoted field is just a character.
 */
function endsInsideQuotes(text: string, startInside: boolean): boolean {
    let state: 'start' | 'plain' | 'quoted' | 'quote' = startInside ? 'quoted' : 'start';
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        switch (state) {
            case 'start': state = c === 34 ? 'quoted' : c === 44 ? 'start' : 'plain'; break;
            case 'plain': if (c === 44) state = 'start'; break;
            case 'quoted': if (c === 34) state = 'quote'; break;
            case 'quote': state = c === 34 ? 'quoted' : c === 44 ? 'start' : 'plain'; break;
        }
    }
    return state === 'quoted';
}

function parseRecord(text: string, line: number): CsvRecord {
    const fields: string[] = [];
    let i = 0;
    for (;;) {
        if (text.charCodeAt(i) === 34) {
            let value = '';
            let j = i + 1;
            for (;;) {
                const quote = text.indexOf('"', j);
                if (quote < 0) return { line, error: `field ${fields.length + 1} opens a quote that never closes: close it, and double the quotes inside a quoted field ("")` };
                if (text.charCodeAt(quote + 1) === 34) {
                    value += text.slice(j, quote + 1);
                    j = quote + 2;
                    continue;
                }
                value += text.slice(j, quote);
                i = quote + 1;
                break;
            }
            fields.push(value);
            if (i >= text.length) return { line, fields };
            if (text.charCodeAt(i) !== 44) {
                return { line, error: `field ${fields.length} has text after its closing quote: quote the whole field and double the quotes inside ("")` };
            }
            i++;
        } else {
            const comma = text.indexOf(',', i);
            if (comma < 0) {
                fields.push(text.slice(i));
                return { line, fields };
            }
            fields.push(text.slice(i, comma));
            i = comma + 1;
        }
        if (i === text.length) {
            fields.push('');
            return { line, fields };
        }
    }
}
