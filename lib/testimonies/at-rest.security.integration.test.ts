// Encryption at rest (issue 7): a canary typed into a draft, a submitted narrative, a contact e-mail,
// a thread message, an internal note, a moderator's unpublished redaction, the place of the event,
// the name to credit and a kept original file — all through the real data functions — is readable again through those
// functions, and appears nowhere in a dump of the database (pg_dump on PostgreSQL; the whole data
// folder, heap files and WAL, after a checkpoint on PGlite) or in the media folder. Deleting a
// record (the retention sweep, removing the e-mail) deletes its key.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, isNotNull, sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, testimonies, testimonyRevisions, users } from '@/db/schema';
import { getAccountOverview, setEmail } from '@/lib/auth/accounts';
import type { Viewer } from '@/lib/auth/sessions';
import { decryptField, fieldPurposes, unwrapDataKey } from '@/lib/crypto/envelope';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { findServableMedia } from '@/lib/media/serve';
import { collect } from '@/lib/media/storage';
import { receiveUpload } from '@/lib/media/upload';
import { listThread, replyAsSubmitter } from '@/lib/messages';
import { claimTestimony } from '@/lib/moderation/claims';
import { saveRedactionDraft } from '@/lib/moderation/redaction-save';
import { addTestimonyNote, getReview } from '@/lib/moderation/review';
import { createActors, type Actors } from '@/lib/testing/actors';
import { queryRows, testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { receivedFile, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { recordFigure } from '@/lib/testing/security-figures';
import { filledDraft, submittedTestimony } from '@/lib/testing/testimony-fixtures';
import { getOwnDraft } from './drafts';
import { purgeStaleDrafts } from './purge';

const run = promisify(execFile);

/** Every file under `dir` that contains `needle`. */
async function filesContaining(dir: string, needle: Buffer): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hits: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    if ((await readFile(file)).includes(needle)) hits.push(path.relative(dir, file));
  }
  return hits;
}

describe.each(testDatabases())('encryption at rest on $name', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore();
  // A canary unique to this run: any hit is this test's own text, never a leftover.
  const canary = `CANARY-at-rest-${randomBytes(8).toString('hex')}`;
  let actors: Actors;
  let submitter: Viewer;
  const ids = { draft: '', submitted: '', attachment: '' };

  beforeAll(async () => {
    const { db } = ctx;
    await insertCollection(db);
    actors = await createActors(db);
    submitter = actors.submitterA.viewer!;
    // A draft that is never submitted (its text only in the draft), and a submitted one (a revision).
    ids.draft = await filledDraft(db, submitter, { account: { narrative: `Unsent draft ${canary}`, eventPlace: 'Tehran' } });
    ids.submitted = await submittedTestimony(db, submitter, {
      account: { narrative: `Sent account ${canary}`, eventPlace: `The alley behind ${canary}` },
      consent: { credit: 'chosen_name', creditName: `Credit ${canary}` },
    });
    await setEmail(db, submitter, `${canary}@example.org`);
    expect((await replyAsSubmitter(db, submitter, { testimonyId: ids.submitted, body: `A reply ${canary}` })).status).toBe('sent');
    await addTestimonyNote(db, actors.moderator.viewer, { testimonyId: ids.submitted, body: `A note ${canary}` });
    await claimTestimony(db, actors.moderator.viewer, { testimonyId: ids.submitted });
    const [{ revisionId }] = (await db.select({ revisionId: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, ids.submitted))) as [{ revisionId: string }];
    await saveRedactionDraft(db, actors.moderator.viewer, { testimonyId: ids.submitted, revisionId, version: 0, mode: 'edit', redactedNarrative: `A redaction ${canary}` });
    const pdf = Buffer.from(`%PDF-1.4\n% ${canary}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
    ids.attachment = (await receiveUpload(db, submitter, { testimonyId: ids.draft, path: await receivedFile(pdf), keepOriginal: true })).id;
    expect(await runOneJob(db, jobHandlers)).toBe('done');
  });

  it('reads everything back through the data functions, for those allowed to read it', async () => {
    const { db } = ctx;
    expect((await getOwnDraft(db, submitter, ids.draft)).draft.account?.narrative).toBe(`Unsent draft ${canary}`);
    expect((await getReview(db, actors.moderator.viewer, ids.submitted)).revision?.narrative).toBe(`Sent account ${canary}`);
    expect((await getAccountOverview(db, submitter)).email).toBe(`${canary}@example.org`);
    expect((await listThread(db, actors.moderator.viewer, ids.submitted)).messages.map((m) => m.body)).toEqual([`A reply ${canary}`]);
    expect((await getReview(db, actors.moderator.viewer, ids.submitted)).notes.map((n) => n.body)).toEqual([`A note ${canary}`]);
    const review = await getReview(db, actors.moderator.viewer, ids.submitted);
    expect([review.revision?.redactedNarrative, review.revision?.eventPlace, review.consent.creditName]).toEqual([`A redaction ${canary}`, `The alley behind ${canary}`, `Credit ${canary}`]);
    const original = await findServableMedia(db, actors.moderator.viewer, ids.attachment);
    const body = original!.body;
    expect((Buffer.isBuffer(body) ? body : await collect(body)).toString()).toContain(canary);
  });

  it('a dump of the database and the media folder hold no trace of the canary', async () => {
    const needle = Buffer.from(canary);
    let dump: Buffer;
    if (target.name === 'postgres') {
      const [{ name }] = (await queryRows<{ name: string }>(ctx.db, sql`select current_database() as name`)) as [{ name: string }];
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      dump = (await run('/usr/bin/pg_dump', ['--no-owner', '--data-only', url.toString()], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })).stdout;
      expect(dump.includes(Buffer.from('COPY public.testimony_revisions'))).toBe(true); // a real dump
    } else {
      // The embedded database's whole data folder (heap files and WAL) after a checkpoint.
      await ctx.db.execute(sql`checkpoint`);
      const client = (ctx.db as unknown as { $client: PGlite }).$client;
      dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
      expect(dump.includes(Buffer.from('pg_wal'))).toBe(true); // a real data folder
    }
    // The search works: plain text stored in the clear (the username) is found in the same bytes.
    const [{ username }] = (await ctx.db.select({ username: users.username }).from(users).where(eq(users.id, submitter.userId))) as [{ username: string }];
    expect(dump.includes(Buffer.from(username))).toBe(true);
    const dumpHits = dump.includes(needle) ? 1 : 0;
    const storageHits = await filesContaining(media.dir, needle);
    recordFigure({ figure: 'canary hits in a database dump (draft, narrative, place, credit name, e-mail, message, note, redaction, original)', measured: dumpHits, target: '0', ok: dumpHits === 0 });
    recordFigure({ figure: 'canary hits in the media folder (kept original)', measured: storageHits.length, target: '0', ok: storageHits.length === 0 });
    expect(dumpHits).toBe(0);
    expect(storageHits).toEqual([]);
  });

  it('deleting a record deletes its key: what is left of it cannot be opened', async () => {
    const { db } = ctx;
    const [t] = await db.select({ dataKey: testimonies.dataKey, draft: testimonies.draft }).from(testimonies).where(eq(testimonies.id, ids.draft));
    const leftover = t!.draft!; // a stray copy of the ciphertext (an old backup page, a WAL segment)
    expect(decryptField(unwrapDataKey(t!.dataKey!, 'testimony'), leftover, fieldPurposes.draft)).toContain(canary);

    // The retention sweep, run as if the draft had been untouched for longer than its policy.
    expect(await purgeStaleDrafts(db, 30, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    await setEmail(db, submitter, '');
    const [account] = await db.select({ dataKey: users.dataKey, email: users.emailEncrypted }).from(users).where(eq(users.id, submitter.userId));
    expect(account).toEqual({ dataKey: null, email: null });
    expect(await db.$count(attachments, eq(attachments.id, ids.attachment))).toBe(0);

    // No key left in the database opens the leftover.
    const keys = [
      ...(await db.select({ k: testimonies.dataKey }).from(testimonies).where(isNotNull(testimonies.dataKey))).map((r) => r.k!),
    ];
    const opened = keys.filter((k) => {
      try {
        decryptField(unwrapDataKey(k, 'testimony'), leftover, fieldPurposes.draft);
        return true;
      } catch {
        return false;
      }
    }).length;
    expect(keys.length).toBeGreaterThan(0); // the submitted testimony is still there, with its own key
    expect(opened).toBe(0);
    // Nothing in the database is stored in plaintext any more: every testimony has a key.
    expect(await db.$count(testimonies, sql`${testimonies.dataKey} is null`)).toBe(0);
    expect(await db.$count(testimonyRevisions, sql`${testimonyRevisions.narrative} like ${`%${canary}%`}`)).toBe(0);
  });
});
