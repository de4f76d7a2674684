// An incremental export reads again only the persons whose public record may have changed,
// rewrites only files whose bytes changed, removes what is no longer public, and leaves a manifest
// that matches the folder exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import * as s from '@/db/schema';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony, insertUser } from '@/lib/testing/public-fixtures';
import type { Db } from '@/db/types';
import type { PublicPerson } from '@/lib/memorial/dto';
import { csvDocument, personCsvColumns, personCsvRow, textOf } from '@/lib/open-data/export';
import { iteratePublicPersonRecords, personUrls } from '@/lib/open-data/persons';
import { siteOrigin } from '@/lib/open-data/site';
import { exportMirror } from './export';
import { checkFiles, readManifest } from './manifest';
import { personFile } from './paths';

async function expectSitePersons(db: Db, out: string) {
  const origin = siteOrigin();
  const records: PublicPerson[] = [];
  for await (const batch of iteratePublicPersonRecords(db)) records.push(...batch);
  expect(records.length).toBeGreaterThan(0);
  expect(fs.readFileSync(path.join(out, 'data/persons.csv'), 'utf8')).toBe(await textOf(csvDocument(personCsvColumns, iteratePublicPersonRecords(db), (p) => personCsvRow(p, origin))));
  const json = JSON.parse(fs.readFileSync(path.join(out, 'data/persons.json'), 'utf8')) as { persons: unknown[] };
  expect(json.persons).toEqual(records.map((p) => ({ ...p, urls: personUrls(origin, p) })));
}

describe.each(testDatabases())('an incremental mirror export on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('rewrites what changed and only that', async () => {
    const db = ctx.db;
    const collectionId = await insertCollection(db);
    const submitterId = await insertUser(db);
    const persons = await Promise.all(Array.from({ length: 5 }, (_, i) => insertPerson(db, { collectionId, nameLatin: `Steady Person ${i}` })));
    const withdrawn = await insertTestimony(db, { collectionId, submitterId, personIds: [persons[0]!.id], status: 'published', redacted: 'SoonWithdrawnNarrative' });
    await insertTestimony(db, { collectionId, submitterId, personIds: [persons[1]!.id, persons[3]!.id].sort(), status: 'published', redacted: 'SharedKeptNarrative' });
    // Past the margin the export allows for transactions in flight (lib/mirror/export.ts).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-incremental-'));
    onTestFinished(() => {
      for (const dir of [out, `${out}.cache`]) fs.rmSync(dir, { recursive: true, force: true });
    });
    const first = await exportMirror(db, { out });
    expect(first.reread).toBe(5);
    const untouched = path.join(out, personFile('en', persons[4]!));
    const mtime = fs.statSync(untouched).mtimeMs;

    const added = await insertPerson(db, { collectionId, nameLatin: 'Newly Published' });
    await db.update(s.testimonies).set({ status: 'withdrawn' }).where(eq(s.testimonies.id, withdrawn));
    await db.update(s.persons).set({ status: 'hidden' }).where(eq(s.persons.id, persons[3]!.id));
    const second = await exportMirror(db, { out });

    // The new person, the one whose testimony was withdrawn, and the hidden one's co-person.
    expect(second.reread).toBe(3);
    expect(second.written).toBeLessThan(first.written);
    expect(second.removed).toBeGreaterThanOrEqual(2); // the hidden person's two pages
    expect(fs.existsSync(path.join(out, personFile('fa', added)))).toBe(true);
    expect(fs.existsSync(path.join(out, personFile('fa', persons[3]!)))).toBe(false);
    expect(fs.readFileSync(path.join(out, personFile('en', persons[0]!)), 'utf8')).not.toContain('SoonWithdrawnNarrative');
    expect(fs.readFileSync(path.join(out, 'data/testimonies.csv'), 'utf8')).not.toContain('SoonWithdrawnNarrative');
    expect(fs.statSync(untouched).mtimeMs).toBe(mtime);
    // The open data keeps everyone else's testimonies, and one shared with the hidden person stays (its other person takes it over).
    expect(fs.readFileSync(path.join(out, 'data/testimonies.json'), 'utf8').match(/SharedKeptNarrative/g)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'data/testimonies.json'), 'utf8')).testimonies).toHaveLength(1);
    // The audit chain's signed checkpoints travel with the copy (issue 23 §2).
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'data/audit-checkpoints.json'), 'utf8'))).sort()).toEqual(['algorithm', 'checkpoints', 'keyId', 'publicKey']);
    expect(await checkFiles(out, (await readManifest(out))!)).toEqual({ missing: [], extra: [], altered: [] });
    // The persons files, made from the records the exports read (the unchanged ones kept from the
    // first), are the site's download: the same rows, in id order.
    await expectSitePersons(db, out);

    // --full reads everyone again and gives the same folder.
    const full = await exportMirror(db, { out, full: true });
    expect(full.reread).toBe(5);
    expect(await checkFiles(out, (await readManifest(out))!)).toEqual({ missing: [], extra: [], altered: [] });
    await expectSitePersons(db, out);
  });

  it('renders the same pages in a pool of worker threads as in its own thread', async () => {
    const db = ctx.db;
    const collectionId = await insertCollection(db);
    const submitterId = await insertUser(db);
    const persons = await Promise.all(Array.from({ length: 6 }, (_, i) => insertPerson(db, { collectionId, nameLatin: `Pooled Person ${i}`, city: `City ${i}` })));
    for (const [i, p] of persons.entries()) await insertTestimony(db, { collectionId, submitterId, personIds: [p.id, persons[(i + 1) % 6]!.id].sort(), status: 'published', redacted: `Pooled narrative ${i}` });
    const dirs = [0, 2].map((workers) => ({ workers, out: fs.mkdtempSync(path.join(os.tmpdir(), `mirror-workers-${workers}-`)) }));
    onTestFinished(() => {
      for (const { out } of dirs) for (const dir of [out, `${out}.cache`]) fs.rmSync(dir, { recursive: true, force: true });
    });
    const manifests = [];
    for (const { workers, out } of dirs) {
      const result = await exportMirror(db, { out, full: true, workers });
      expect(result.reread).toBeGreaterThanOrEqual(6);
      const manifest = (await readManifest(out))!;
      expect(await checkFiles(out, manifest)).toEqual({ missing: [], extra: [], altered: [] });
      // Person pages and the testimonies' CSV (the other files carry the moment they were made).
      const compared = Object.fromEntries([...manifest.files].filter(([f]) => /^(fa|en)\/p\/|^data\/testimonies\.csv$/.test(f)));
      expect(Object.keys(compared)).toHaveLength(2 * result.reread + 1);
      manifests.push(compared);
    }
    expect(manifests[1]).toEqual(manifests[0]);
  });
});
