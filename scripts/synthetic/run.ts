// Generates and bulk-loads a synthetic data set (scripts/synthetic/generate.ts, load.ts) into an open
// database. Used by `npm run db:generate-data` and by the query-plan integration test.
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { DbHandle } from '@/db/client';
import { hashPassphrase } from '@/lib/auth/passphrase';
import { createGenerator, type GeneratedPerson, type Row, type Table, waitingStatuses } from './generate';
import { bulkLoad, type BulkSession, parallelWrites } from './load';

export type GenerateOptions = { persons: number; testimonies: number; seed: number };
export type GenerateResult = { rows: number; waiting: number; seconds: number };

const batchSize = 20_000;

export async function generateSyntheticData(handle: DbHandle, options: GenerateOptions, log: (message: string) => void = () => {}): Promise<GenerateResult> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const client = (handle.db as unknown as { $client: Sql | PGlite }).$client;
  const gen = createGenerator(options.seed);
  // Nobody signs in as a synthetic account: the hash is of a random passphrase nobody keeps.
  const passwordHash = await hashPassphrase(crypto.randomUUID());
  let rows = 0;
  let waiting = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  };

  /** Writes a batch (its tables one after another) while the next is generated; waits when enough are in flight. */
  async function flush(session: BulkSession, batch: Partial<Record<Table, Row[]>>) {
    const tables = Object.entries(batch).map(([table, list]) => [table, list.splice(0)] as [Table, Row[]]);
    const write: Promise<void> = (async () => {
      for (const [table, list] of tables) {
        await session.write(table, list);
        rows += list.length;
      }
    })()
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= parallelWrites[handle.driver]) await Promise.race(inFlight);
    if (failure) throw failure.error;
  }

  await bulkLoad(
    client,
    handle.driver,
    async (session) => {
      const [existing] = await session.query<{ id: string }>(`select id from collections where slug = 'aban-1398'`);
      const collectionId =
        existing?.id ??
        (
          await session.query<{ id: string }>(`insert into collections (slug, name_fa, name_en, starts_on, ends_on)
            values ('aban-1398', 'خیزش آبان ۱۳۹۸', 'November 2019 uprising (Aban 1398)', '2019-11-15', '2019-11-30') returning id`)
        )[0]!.id;

      const moderators = Array.from({ length: 10 }, (_, i) => gen.user(i, 'moderator', passwordHash));
      const submitters = Array.from({ length: Math.max(1, Math.ceil(options.testimonies / 4)) }, (_, i) => gen.user(i, 'submitter', passwordHash));
      await flush(session, { users: [...moderators, ...submitters] });
      await settle();
      log(`${moderators.length + submitters.length} accounts`);
      const ctx = { collectionId, moderatorIds: moderators.map((u) => u.id!), submitterIds: submitters.map((u) => u.id!) };

      const persons: GeneratedPerson[] = [];
      const batch: Record<'persons' | 'person_aliases', Row[]> = { persons: [], person_aliases: [] };
      for (let i = 0; i < options.persons; i++) {
        const p = gen.person(ctx);
        persons.push(p);
        batch.persons.push(p.row);
        batch.person_aliases.push(...p.aliases);
        if (batch.persons.length === batchSize) await flush(session, batch);
      }
      await flush(session, batch);
      await settle();
      log(`${options.persons} persons`);

      const tBatch: Record<'testimonies' | 'testimony_revisions' | 'testimony_persons', Row[]> = { testimonies: [], testimony_revisions: [], testimony_persons: [] };
      let lastReport = Date.now();
      const loadStarted = Date.now();
      for (let i = 0; i < options.testimonies; i++) {
        const subject = persons[gen.subjectIndex(options.persons)]!;
        const second = options.persons > 1 && gen.chance(0.05) ? persons[gen.subjectIndex(options.persons)] : undefined;
        const t = gen.testimony(ctx, second && second.id !== subject.id ? [subject, second] : [subject]);
        if (waitingStatuses.includes(t.status)) waiting++;
        tBatch.testimonies.push(t.row);
        tBatch.testimony_revisions.push(...t.revisions);
        tBatch.testimony_persons.push(...t.links);
        if (tBatch.testimonies.length === batchSize) {
          await flush(session, tBatch);
          if (Date.now() - lastReport > 5_000) {
            lastReport = Date.now();
            const rate = (i + 1) / ((Date.now() - loadStarted) / 1000);
            log(`${i + 1} / ${options.testimonies} testimonies (${Math.round(rate)} testimonies/s; ${Math.round(rows / elapsed())} rows/s overall)`);
          }
        }
      }
      await flush(session, tBatch);
      await settle();
      log(`${options.testimonies} testimonies (${waiting} waiting for moderation); rebuilding indexes and foreign keys`);
    },
    log,
  );
  return { rows, waiting, seconds: elapsed() };
}
