// The export folder as it is written: each file's size and SHA-256 are recorded as it is written
// (the manifest, lib/mirror/manifest.ts), and a file whose bytes equal those of the previous export
// is not rewritten, so an incremental export touches only what changed.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

export type FileEntry = { size: number; sha256: string };

export class ExportOutput {
  readonly entries = new Map<string, FileEntry>();
  /** Per page checked by `needs`: the hash of what it was rendered from. */
  readonly inputs = new Map<string, string>();
  written = 0;
  private readonly dirs = new Set<string>();

  constructor(
    readonly root: string,
    private readonly previous: ReadonlyMap<string, FileEntry> = new Map(),
    private readonly previousInputs: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * Whether a page rendered from `inputs` must be rendered (then `write` or `record`), or the
   * previous export's file is kept without rendering because its inputs were the same (a list page
   * no new publication falls on).
   */
  needs(file: string, inputs: unknown): boolean {
    const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
    this.inputs.set(file, key);
    return !(this.previousInputs.get(file) === key && this.keep(file));
  }

  private async ensureDir(file: string): Promise<string> {
    const full = path.join(this.root, file);
    const dir = path.dirname(full);
    if (!this.dirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    return full;
  }

  async write(file: string, data: string | Buffer): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const entry = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    this.entries.set(file, entry);
    const before = this.previous.get(file);
    if (before && before.sha256 === entry.sha256 && before.size === entry.size) return;
    await fs.writeFile(await this.ensureDir(file), bytes);
    this.written++;
  }

  /** A large document written as its chunks come (open-data files), hashed on the way. */
  async writeStream(file: string, chunks: AsyncIterable<string | Buffer>): Promise<void> {
    const full = await this.ensureDir(file);
    const hash = createHash('sha256');
    const out = createWriteStream(full);
    let size = 0;
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      size += bytes.length;
      if (!out.write(bytes)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    this.entries.set(file, { size, sha256: hash.digest('hex') });
    this.written++;
  }

  /** The previous export's entry of a file (for a writer in another thread). */
  previousEntry(file: string): FileEntry | undefined {
    return this.previous.get(file);
  }

  /** A file written (or found unchanged) by another thread. */
  record(file: string, entry: FileEntry, written: boolean): void {
    this.entries.set(file, entry);
    if (written) this.written++;
  }

  /** A file of the previous export kept as it is (an unchanged person's page). */
  keep(file: string): boolean {
    const entry = this.previous.get(file);
    if (entry) this.entries.set(file, entry);
    return !!entry;
  }

  /** Deletes every file under the root that this export did not produce (except the given ones). */
  async prune(except: (file: string) => boolean): Promise<number> {
    let removed = 0;
    const walk = async (dir: string): Promise<void> => {
      for (const d of await fs.readdir(path.join(this.root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${d.name}` : d.name;
        if (d.isDirectory()) await walk(rel);
        else if (!this.entries.has(rel) && !except(rel)) {
          await fs.rm(path.join(this.root, rel));
          removed++;
        }
      }
    };
    await walk('');
    return removed;
  }
}
