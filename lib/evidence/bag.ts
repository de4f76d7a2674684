// The BagIt bag (RFC 8493) of an evidence export, written as a tar stream: payload files under
// data/, each hashed (SHA-256) as it is written, then manifest-sha256.txt, bagit.txt, bag-info.txt
// and tagmanifest-sha256.txt. Large files come from disk and are streamed (lib/evidence/tar.ts).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { TarWriter } from './tar';

export class BagWriter {
  private readonly tar: TarWriter;
  private readonly payload: { path: string; sha256: string; size: number }[] = [];

  constructor(out: Writable, private readonly root: string, mtime = new Date()) {
    this.tar = new TarWriter(out, mtime);
  }

  private static check(path: string) {
    // Manifest lines are "hash path": no line breaks, no `..`, only the characters ids and names use.
    if (!/^[\w./-]+$/.test(path) || path.split('/').includes('..')) throw new Error(`bag: unsafe path ${path}`);
  }

  async addText(path: string, text: string): Promise<void> {
    await this.addBuffer(path, Buffer.from(text, 'utf8'));
  }

  async addJson(path: string, value: unknown): Promise<void> {
    await this.addText(path, `${JSON.stringify(value, null, 2)}\n`);
  }

  async addBuffer(path: string, body: Buffer): Promise<void> {
    BagWriter.check(path);
    this.payload.push({ path: `data/${path}`, sha256: createHash('sha256').update(body).digest('hex'), size: body.length });
    await this.tar.addBuffer(`${this.root}/data/${path}`, body);
  }

  /** A payload file from disk; `sha256` when the caller already hashed exactly these bytes. */
  async addFile(path: string, file: string, sha256?: string): Promise<void> {
    BagWriter.check(path);
    let digest = sha256;
    if (!digest) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
      digest = hash.digest('hex');
    }
    const size = await this.tar.addFile(`${this.root}/data/${path}`, file);
    this.payload.push({ path: `data/${path}`, sha256: digest, size });
  }

  get payloadCount() {
    return this.payload.length;
  }

  /**
   * Writes the tag files and ends the archive. `info` becomes bag-info.txt (Payload-Oxum and
   * Bagging-Date added). Returns the SHA-256 of manifest-sha256.txt: the bag's content in one hash.
   */
  async finish(info: [string, string][]): Promise<{ manifestSha256: string; payloadBytes: number; payloadFiles: number }> {
    const manifest = Buffer.from(this.payload.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
    const payloadBytes = this.payload.reduce((sum, f) => sum + f.size, 0);
    const bagit = Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'utf8');
    const lines = [...info, ['Bagging-Date', new Date().toISOString().slice(0, 10)], ['Payload-Oxum', `${payloadBytes}.${this.payload.length}`]] as [string, string][];
    // A value never spans lines here: line breaks inside one are replaced (RFC 8493 §2.2.2 allows folding, not needed).
    const bagInfo = Buffer.from(lines.map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}\n`).join(''), 'utf8');
    const tags: [string, Buffer][] = [
      ['bagit.txt', bagit],
      ['bag-info.txt', bagInfo],
      ['manifest-sha256.txt', manifest],
    ];
    for (const [name, body] of tags) await this.tar.addBuffer(`${this.root}/${name}`, body);
    const tagManifest = tags.map(([name, body]) => `${createHash('sha256').update(body).digest('hex')}  ${name}\n`).join('');
    await this.tar.addBuffer(`${this.root}/tagmanifest-sha256.txt`, Buffer.from(tagManifest, 'utf8'));
    await this.tar.finish();
    return { manifestSha256: createHash('sha256').update(manifest).digest('hex'), payloadBytes, payloadFiles: this.payload.length };
  }
}
