// The mirror's four bulk downloads (persons and testimonies, CSV and JSON), made from the person
// records the export reads anyway (no second pass over every person or testimony) and kept, per
// person, in a cache folder beside the export (`DIR.cache/`, not part of the copy), so an
// incremental export rewrites only the shards of the persons it read again and then concatenates
// stored text: each shard keeps its persons' rows (JSON, read back only when one of its persons is
// read again) and its part of each file, ready to copy. Persons are in id order (shards by the
// id's first three hex digits, persons sorted within each), as the site's download lists them; each
// testimony is listed once, under the first of its public persons. Rows and items are exactly the
// site's download rows (lib/open-data/export.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PublicPerson, PublicTestimony } from '@/lib/memorial/dto';
import { csvLines, utf8Bom } from '@/lib/open-data/csv';
import { jsonHead, personCsvColumns, personCsvRow, testimonyCsvColumns, testimonyCsvRow } from '@/lib/open-data/export';
import { personUrls } from '@/lib/open-data/persons';
import type { ExportOutput } from './output';

/** One person's part of two downloads: [CSV lines, JSON items joined by commas]. */
export type Rows = [csv: string, json: string];
/** One person's rows: theirs in the persons files, and the testimonies listed under them (null: none). */
export type OpenDataRows = { person: Rows; testimonies: Rows | null };
/** personId → their rows. */
type Shard = Record<string, OpenDataRows>;

/** The rows of a public person and of the testimonies listed under them (each testimony under its first public person). */
export function openDataRows(person: PublicPerson, testimonies: readonly PublicTestimony[], origin: string): OpenDataRows {
  const own = testimonies.filter((t) => t.personIds[0] === person.id);
  return {
    person: [csvLines([personCsvRow(person, origin)]), JSON.stringify({ ...person, urls: personUrls(origin, person) })],
    testimonies: own.length === 0 ? null : [csvLines(own.map((t) => testimonyCsvRow(t, origin))), own.map((t) => JSON.stringify(t)).join(',')],
  };
}

/**
 * A shard per three hex digits of the person id: 4,096 shards of ~25 persons at 100,000, so a
 * re-export that reads 500 persons again parses and rewrites ~500 small shards (with 256 it
 * rewrote nearly all of them: most of the 1.5 GB of text).
 */
export const shardOf = (personId: string) => personId.slice(0, 3).toLowerCase();
const shardNames = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));

type Part = 'persons.csv' | 'persons.json' | 'testimonies.csv' | 'testimonies.json';
const partsOf = (shard: Shard): Record<Part, string> => {
  const rows = Object.values(shard);
  const csv = (r: Rows | null) => r?.[0] ?? '';
  const json = (list: Array<Rows | null>) => list.flatMap((r) => (r ? [r[1]] : [])).join(',');
  return {
    'persons.csv': rows.map((r) => csv(r.person)).join(''),
    'persons.json': json(rows.map((r) => r.person)),
    'testimonies.csv': rows.map((r) => csv(r.testimonies)).join(''),
    'testimonies.json': json(rows.map((r) => r.testimonies)),
  };
};

export class OpenDataCache {
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

  /** A person's rows (openDataRows); null removes the person. */
  async put(personId: string, rows: OpenDataRows | null): Promise<void> {
    const shard = await this.shard(shardOf(personId));
    if (rows === null) delete shard[personId];
    else shard[personId] = rows;
  }

  /** Writes the shards changed so far whose persons are all done (or all, at the end). */
  async flush(done: (shard: string) => boolean = () => true): Promise<void> {
    for (const [name, pending] of this.pending) {
      if (!done(name)) continue;
      this.pending.delete(name);
      const read = await pending;
      // In id order, whichever order the persons were put in (a re-export's new persons come last).
      const shard: Shard = {};
      for (const id of Object.keys(read).sort()) shard[id] = read[id]!;
      await fs.writeFile(path.join(this.dir, `${name}.json`), JSON.stringify(shard));
      for (const [part, text] of Object.entries(partsOf(shard))) await fs.writeFile(path.join(this.dir, `${name}.${part}.part`), text);
    }
  }

  /** The shards' parts of one file, in shard order, as stored (no parsing). */
  private async *parts(part: Part): AsyncGenerator<Buffer> {
    for (const name of shardNames) {
      const bytes = await fs.readFile(path.join(this.dir, `${name}.${part}.part`)).catch(() => null);
      if (bytes?.length) yield bytes;
    }
  }

  private csv(part: Part, columns: readonly string[]): AsyncGenerator<string | Buffer> {
    const parts = this.parts(part);
    return (async function* () {
      yield utf8Bom + csvLines([columns]);
      yield* parts;
    })();
  }

  private json(part: Part, meta: Record<string, unknown>, key: string): AsyncGenerator<string | Buffer> {
    const parts = this.parts(part);
    return (async function* () {
      yield jsonHead(meta, key);
      let first = true;
      for await (const bytes of parts) {
        if (!first) yield ',';
        yield bytes;
        first = false;
      }
      yield ']}\n';
    })();
  }

  /** The four files, written side by side (reading stored parts, hashing and writing: I/O, mostly). */
  async write(out: ExportOutput, files: { personsCsv: string; personsJson: string; testimoniesCsv: string; testimoniesJson: string }, meta: Record<string, unknown>): Promise<void> {
    await Promise.all([
      out.writeStream(files.personsCsv, this.csv('persons.csv', personCsvColumns)),
      out.writeStream(files.personsJson, this.json('persons.json', meta, 'persons')),
      out.writeStream(files.testimoniesCsv, this.csv('testimonies.csv', testimonyCsvColumns)),
      out.writeStream(files.testimoniesJson, this.json('testimonies.json', meta, 'testimonies')),
    ]);
  }
}
