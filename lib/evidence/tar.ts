// A minimal POSIX ustar writer for the evidence bag (lib/evidence/bag.ts): regular files only,
// each written from a file on disk or a buffer, streamed — a file's bytes never sit in memory whole.
// Names up to 255 bytes (ustar's prefix + name); longer ones are refused rather than cut.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

const block = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The 512-byte ustar header of a regular file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(block);
  const bytes = Buffer.from(name, 'utf8');
  let prefix = '';
  let base = name;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  header.write(base, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii'); // checksum computed over spaces
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148, 'ascii');
  return header;
}

/** Writes entries to `out`, honouring its back-pressure. */
export class TarWriter {
  constructor(private readonly out: Writable, private readonly mtime = new Date()) {}

  private async write(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async addBuffer(name: string, body: Buffer): Promise<void> {
    await this.write(tarHeader(name, body.length, this.mtime));
    await this.write(body);
    await this.pad(body.length);
  }

  /** A file from disk, streamed; its size is read first (the header precedes the bytes). */
  async addFile(name: string, file: string): Promise<number> {
    const { size } = await stat(file);
    await this.write(tarHeader(name, size, this.mtime));
    let written = 0;
    for await (const chunk of createReadStream(file)) {
      written += (chunk as Buffer).length;
      await this.write(chunk as Buffer);
    }
    if (written !== size) throw new Error(`tar: ${name} changed while written`);
    await this.pad(size);
    return size;
  }

  private async pad(size: number): Promise<void> {
    const rest = size % block;
    if (rest) await this.write(Buffer.alloc(block - rest));
  }

  /** The two zero blocks that end an archive. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(block * 2));
    this.out.end();
  }
}
