// Rotating AUTH_SECRET: after `rotateSecret` every wrapped data key, every value sealed with the
// secret itself and every kept original opens with the new secret and none with the old one; the
// records read back the same; a second run moves nothing; a value that opened with neither secret
// is counted and left alone.
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEntries, messages, notes, testimonies, testimonyRevisions, users } from '@/db/schema';
import { setEmail } from '@/lib/auth/accounts';
import { jobHandlers } from '@/lib/jobs/handlers';
import { runOneJob } from '@/lib/jobs/worker';
import { collect, newKey } from '@/lib/media/storage';
import { receiveUpload } from '@/lib/media/upload';
import { replyAsSubmitter } from '@/lib/messages';
import { addTestimonyNote } from '@/lib/moderation/review';
import { createActors, type Actors } from '@/lib/testing/actors';
import { useTestDatabase } from '@/lib/testing/databases';
import { receivedFile, testDatabasesAndStores, useTemporaryMediaStore } from '@/lib/testing/media-fixtures';
import { insertCollection } from '@/lib/testing/public-fixtures';
import { filledDraft, submittedTestimony } from '@/lib/testing/testimony-fixtures';
import { createDataKey, createFileOpenStream, decryptField, fieldPurposes, type DataKeyKind, unwrapDataKey } from '../../lib/crypto/envelope';
import { rotateSecret } from './rotate-secret';
import { createSealStream, defaultSecret, open, seal, sealPurposes } from '../../lib/crypto/secret-box';

const opens = (test: () => unknown) => {
  try {
    test();
    return true;
  } catch {
    return false;
  }
};

describe.each(testDatabasesAndStores())('rotating AUTH_SECRET on $name, files in $store', (target) => {
  const ctx = useTestDatabase(target);
  const media = useTemporaryMediaStore(target.store);
  const from = defaultSecret();
  const to = `rotated-${randomBytes(16).toString('hex')}`;
  const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
  let actors: Actors;
  const ids = { testimony: '', original: '', legacyOriginal: '', legacyOriginalKey: '', unreadableNote: '' };

  beforeAll(async () => {
    const { db } = ctx;
    await insertCollection(db);
    actors = await createActors(db);
    const submitter = actors.submitterA.viewer!;
    ids.testimony = await submittedTestimony(db, submitter, { account: { narrative: 'The account before rotation' } });
    await setEmail(db, submitter, 'witness@example.org');
    await replyAsSubmitter(db, submitter, { testimonyId: ids.testimony, body: 'A reply before rotation' });
    await addTestimonyNote(db, actors.moderator.viewer, { testimonyId: ids.testimony, body: 'A note before rotation' });
    // Files are added to drafts.
    const draft = await filledDraft(db, submitter);
    ids.original = (await receiveUpload(db, submitter, { testimonyId: draft, path: await receivedFile(pdf('kept')), keepOriginal: true })).id;
    ids.legacyOriginal = (await receiveUpload(db, submitter, { testimonyId: draft, path: await receivedFile(pdf('legacy')), keepOriginal: true })).id;
    for (let i = 0; i < 10 && (await runOneJob(db, jobHandlers)) === 'done'; i++);

    // A TOTP secret (always sealed with the secret itself), and as stored before per-record keys:
    // an e-mail and an original sealed with the secret itself.
    await db.update(users).set({ totpSecretEncrypted: seal('JBSWY3DPEHPK3PXP', sealPurposes.totpSecret, from) }).where(eq(users.id, actors.moderator.userId!));
    await db.update(users).set({ emailEncrypted: seal('legacy@example.org', sealPurposes.email, from), dataKey: null }).where(eq(users.id, actors.submitterB.userId!));
    const [legacy] = await db.select({ key: attachments.originalKey, dataKey: attachments.dataKey }).from(attachments).where(eq(attachments.id, ids.legacyOriginal));
    ids.legacyOriginalKey = newKey('originals', 'pdf');
    const plain = new PassThrough();
    await Promise.all([
      pipeline(await media.store.getStream(legacy!.key!), createFileOpenStream(unwrapDataKey(legacy!.dataKey!, 'attachment'), fieldPurposes.original), createSealStream(sealPurposes.mediaOriginal, from), plain),
      media.store.put(ids.legacyOriginalKey, plain),
    ]);
    await media.store.delete(legacy!.key!);
    await db.update(attachments).set({ originalKey: ids.legacyOriginalKey, dataKey: null }).where(eq(attachments.id, ids.legacyOriginal));

    // A note whose key was wrapped under some third secret: unreadable before, and after.
    const [note] = await db.select({ id: notes.id }).from(notes).where(eq(notes.testimonyId, ids.testimony));
    ids.unreadableNote = note!.id;
    await db.update(notes).set({ dataKey: createDataKey('note', 'a-third-secret-nobody-has').wrapped }).where(eq(notes.id, ids.unreadableNote));
  });

  it('moves every key and sealed value to the new secret; the records read back unchanged', async () => {
    const { db } = ctx;
    const report = await rotateSecret(db, media.store, { from, to });
    expect(report.counts['testimonies.data_key']).toMatchObject({ moved: 2, unreadable: 0 });
    expect(report.counts['messages.data_key']).toMatchObject({ moved: 1, unreadable: 0 });
    expect(report.counts['notes.data_key']).toEqual({ moved: 0, already: 0, unreadable: 1 });
    expect(report.counts['users.totp_secret']).toEqual({ moved: 1, already: 0, unreadable: 0 });
    expect(report.counts['users.email (without a data key)']).toEqual({ moved: 1, already: 0, unreadable: 0 });
    expect(report.counts['attachments.original (file)']).toEqual({ moved: 1, already: 0, unreadable: 0 });

    const keyed: [DataKeyKind, { dataKey: string | null }[]][] = [
      ['testimony', await db.select({ dataKey: testimonies.dataKey }).from(testimonies)],
      ['user', await db.select({ dataKey: users.dataKey }).from(users).where(isNotNull(users.dataKey))],
      ['attachment', await db.select({ dataKey: attachments.dataKey }).from(attachments).where(isNotNull(attachments.dataKey))],
      ['message', await db.select({ dataKey: messages.dataKey }).from(messages)],
    ];
    for (const [kind, rows] of keyed) {
      expect(rows.length, kind).toBeGreaterThan(0);
      expect(rows.filter((r) => !opens(() => unwrapDataKey(r.dataKey!, kind, to))), kind).toEqual([]);
      expect(rows.filter((r) => opens(() => unwrapDataKey(r.dataKey!, kind, from))), kind).toEqual([]);
    }
    const [t] = await db.select({ dataKey: testimonies.dataKey }).from(testimonies).where(eq(testimonies.id, ids.testimony));
    const [revision] = await db.select({ narrative: testimonyRevisions.narrative }).from(testimonyRevisions).where(eq(testimonyRevisions.testimonyId, ids.testimony));
    expect(decryptField(unwrapDataKey(t!.dataKey!, 'testimony', to), revision!.narrative, fieldPurposes.narrative)).toBe('The account before rotation');

    const [totp] = await db.select({ sealed: users.totpSecretEncrypted }).from(users).where(eq(users.id, actors.moderator.userId!));
    expect(open(totp!.sealed!, sealPurposes.totpSecret, to)).toBe('JBSWY3DPEHPK3PXP');
    const [legacyEmail] = await db.select({ sealed: users.emailEncrypted }).from(users).where(eq(users.id, actors.submitterB.userId!));
    expect(open(legacyEmail!.sealed!, sealPurposes.email, to)).toBe('legacy@example.org');

    // Both originals now have a key of their own under the new secret; the old legacy file is gone.
    for (const id of [ids.original, ids.legacyOriginal]) {
      const [row] = await db.select({ key: attachments.originalKey, dataKey: attachments.dataKey }).from(attachments).where(eq(attachments.id, id));
      const opened = (await media.store.getStream(row!.key!)).pipe(createFileOpenStream(unwrapDataKey(row!.dataKey!, 'attachment', to), fieldPurposes.original));
      expect((await collect(opened)).toString()).toContain(id === ids.original ? '% kept' : '% legacy');
    }
    expect(await media.store.getBuffer(ids.legacyOriginalKey).then(() => 'still there', () => 'deleted')).toBe('deleted');

    // The unreadable note was left exactly as it was.
    const [note] = await db.select({ dataKey: notes.dataKey }).from(notes).where(eq(notes.id, ids.unreadableNote));
    expect(opens(() => unwrapDataKey(note!.dataKey!, 'note', 'a-third-secret-nobody-has'))).toBe(true);
    expect(await db.$count(auditEntries, and(eq(auditEntries.action, 'secret.rotate'), eq(auditEntries.targetType, 'system')))).toBe(1);
  });

  it('a second run finds everything already under the new secret', async () => {
    const report = await rotateSecret(ctx.db, media.store, { from, to });
    const moved = Object.values(report.counts).reduce((sum, c) => sum + c.moved, 0);
    expect(moved).toBe(0);
    expect(report.counts['testimonies.data_key']!.already).toBeGreaterThan(0);
    expect(report.counts['notes.data_key']!.unreadable).toBe(1);
  });

  it('refuses the same secret twice', async () => {
    await expect(rotateSecret(ctx.db, media.store, { from, to: from })).rejects.toThrow('two different secrets');
  });
});
