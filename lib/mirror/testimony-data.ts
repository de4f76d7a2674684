// The mirror's testimonies.csv and testimonies.json, made from the person records the export reads
// anyway (no second pass over every testimony) and kept, per person, in a cache folder beside the
// export (`DIR.cache/`, not part of the copy), so an incremental export rewrites only the shards of
// the persons it read again and then concatenates text: each shard keeps its persons' rows (JSON,
// read back only when one of its persons is read again) and its part of each file, ready to copy. Each testimony is listed once, under the
// first of its public persons; rows and items are exactly the site's download rows
// (lib/open-data/export.ts), grouped by person instead of newest first.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PublicTestimony } from '@/lib/memorial/dto';
import { csvLines, utf8Bom } from '@/lib/open-data/csv';
import { jsonHead, testimonyCsvColumns, testimonyCsvRow } from '@/lib/open-data/export';
import type { ExportOutput } from './output';

/** One person's part of the downloads: [CSV lines, JSON items joined by commas]. */
export type TestimonyRows = [csv: string, json: string];
/** personId → their rows. */
type Shard = Record<string, TestimonyRows>;

/** The rows of the testimonies listed under this person (each testimony under its first public person); null: none. */
export function testimonyRows(personId: string, testimonies: readonly PublicTestimony[], origin: string): TestimonyRows | null {
  const own = testimonies.filter((t) => t.personIds[0] === personId);
  if (own.length === 0) return null;
  return [csvLines(own.map((t) => testimonyCsvRow(t, origin))), own.map((t) => JSON.stringify(t)).join(',')];
}

/**
 * A shard per three hex digits of the person id: 4,096 shards of ~25 persons at 100,000, so a
 * re-export that reads 500 persons again parses and rewrites ~500 small shards (with 256 it
 * rewrote nearly all of them: most of the 1.5 GB of text).
 */
export const shardOf = (personId: string) => personId.slice(0, 3).toLowerCase();
const shardNames = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

export class TestimonyData {
  // Promises, so that two persons of one shard read concurrently share one copy of it.
  private readonly pending = new Map<string, Promise<Shard>>();

  constructor(private readonly dir: string) {}

  static cacheDir(out: string): string {
    return `${path.resolve(out)}.cache`;
  }

  async reset(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
    await fs.mkdir(this.dir, { recursive: true });
  }

  private shard(name: string): Promise<Shard> {
    let shard = this.pending.get(name);
    if (!shard) {
      shard = fs
        .readFile(path.join(this.dir, `${name}.json`), 'utf8')
        .catch(() => null)
        .then((text) => (text ? (JSON.parse(text) as Shard) : {}));
      this.pending.set(name, shard);
    }
    return shard;
  }

  /** A person's rows (testimonyRows); null removes the person. */
  async put(personId: string, rows: TestimonyRows | null): Promise<void> {
    const shard = await this.shard(shardOf(personId));
    if (rows === null) delete shard[personId];
    else shard[personId] = rows;
  }

  /** Writes the shards changed so far whose persons are all done (or all, at the end). */
  async flush(done: (shard: string) => boolean = () => true): Promise<void> {
    for (const [name, pending] of this.pending) {
      if (!done(name)) continue;
      this.pending.delete(name);
      const shard = await pending;
      const parts = Object.values(shard);
      await fs.writeFile(path.join(this.dir, `${name}.json`), JSON.stringify(shard));
      await fs.writeFile(path.join(this.dir, `${name}.csv.part`), parts.map((p) => p[0]).join(''));
      await fs.writeFile(path.join(this.dir, `${name}.json.part`), parts.map((p) => p[1]).join(','));
    }
  }

  /** The shards' parts of one file, in shard order, as stored (no parsing). */
  private async *parts(kind: 'csv' | 'json'): AsyncGenerator<Buffer> {
    for (const name of shardNames) {
      const part = await fs.readFile(path.join(this.dir, `${name}.${kind}.part`)).catch(() => null);
      if (part?.length) yield part;
    }
  }

  async write(out: ExportOutput, files: { csv: string; json: string }, meta: Record<string, unknown>): Promise<void> {
    const parts = (kind: 'csv' | 'json') => this.parts(kind);
    await out.writeStream(files.csv, (async function* () {
      yield utf8Bom + csvLines([testimonyCsvColumns]);
      yield* parts('csv');
    })());
    await out.writeStream(files.json, (async function* () {
      yield jsonHead(meta, 'testimonies');
      let first = true;
      for await (const part of parts('json')) {
        if (!first) yield ',';
        yield part;
        first = false;
      }
      yield ']}\n';
    })());
  }
}
