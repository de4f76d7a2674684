// Vitest global setup: one migrated in-memory PGlite, dumped to a file that every integration test
// file starts from. Creating PGlite runs initdb inside WebAssembly (several seconds on two cores);
// loading a dump takes a fraction of that, and ~60 files each open one.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, defaultMigrationsFolder } from '@/db/client';

/** The migrations' content, so a new or changed migration makes a new snapshot. */
function migrationsHash(folder: string): string {
  const hash = createHash('sha256');
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true }).sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hash.update(path.relative(folder, file)).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
  const folder = defaultMigrationsFolder();
  const file = path.join(os.tmpdir(), `yadman-pglite-${migrationsHash(folder)}.tar`);
  if (!fs.existsSync(file)) {
    const handle = await createDb({ driver: 'pglite', memory: true, migrationsFolder: folder });
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    await handle.close();
    // Written aside and renamed: another run starting at the same time never reads half a file.
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  }
  project.provide('pgliteSnapshot', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}
