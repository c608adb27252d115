import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

/**
 * gzip-compressed logs (CloudWatch exports to S3, rotated logs) read like plain ones: told by the
 * gzip magic bytes, not the name, so a `.gz` that is not compressed still reads.
 */
export function isGzip(file: string): boolean {
    const fd = fs.openSync(file, 'r');
    try {
        const magic = Buffer.alloc(2);
        return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    } finally {
        fs.closeSync(fd);
    }
}

/** The file's bytes, decompressed on the fly when it is gzip. */
export function openLog(file: string, chunkBytes: number): Readable {
    const raw = fs.createReadStream(file, { highWaterMark: chunkBytes });
    if (!isGzip(file)) return raw;
    const gunzip = zlib.createGunzip({ chunkSize: chunkBytes });
    // A read error of the file is the stream's error, as for a plain file.
    raw.on('error', error => gunzip.destroy(error));
    return raw.pipe(gunzip);
}

/**
 * The first `bytes` of a log as text, decompressed when gzip (a partial gzip stream decodes as far
 * as it goes), and whether that is the whole file.
 */
export function peekLog(file: string, bytes: number): { text: string; whole: boolean } {
    const fd = fs.openSync(file, 'r');
    try {
        const size = fs.fstatSync(fd).size;
        const buffer = Buffer.alloc(bytes);
        const read = fs.readSync(fd, buffer, 0, bytes, 0);
        const head = buffer.subarray(0, read);
        if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
            let text: Buffer;
            try {
                text = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
            } catch {
                return { text: '', whole: false };
            }
            const whole = read >= size && text.length <= bytes;
            return { text: text.subarray(0, bytes).toString('utf8'), whole };
        }
        // A multi-byte character cut at the end decodes as U+FFFD, on the line dropped as partial.
        return { text: head.toString('utf8'), whole: read >= size };
    } finally {
        fs.closeSync(fd);
    }
}
