// Walk finding A: a submitter's caption ("Note by Maryam Soltani, 09123456789") went public unseen
// as the image's alt text and in the API. Only the caption a moderator writes is ever public; the
// submitter's stays for moderators. Who may write it follows the file visibility rule; taking words
// out of a caption readers see applies at once, anything else is a publication (four-eyes).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEntries, persons, testimonies } from '@/db/schema';
import type { Viewer } from '@/lib/auth/sessions';
import { AppError } from '@/lib/errors';
import { getPublicTestimoniesForPerson, getPublishedPerson } from '@/lib/memorial';
import { readPublicDataVersion } from '@/lib/memorial/version';
import { updateSettings } from '@/lib/settings';
import { createActors, createSecondModerator, type ActorName, type Actors } from '@/lib/testing/actors';
import { testDatabases, useTestDatabase } from '@/lib/testing/databases';
import { insertCollection, insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { setPublicCaption } from './captions';
import { listReviewAttachments } from './review-files';

const submitted = 'Note by Maryam Soltani, 09123456789';

describe.each(testDatabases())('public captions on $name', (target) => {
  const ctx = useTestDatabase(target);
  let actors: Actors;
  let second: Viewer | null;
  let personId: string;
  let testimonyId: string;
  let fileId: string;

  const codeOf = (viewer: Viewer | null, publicCaption: string) =>
    setPublicCaption(ctx.db, viewer, { attachmentId: fileId, publicCaption }).then(
      (r) => r.publication ?? 'allowed',
      (error: unknown) => (error instanceof AppError ? (error.fieldErrors?.publicCaption ?? error.code) : 'thrown'),
    );
  const as = (actor: ActorName, caption: string) => codeOf(actors[actor].viewer, caption);
  const publicCaptions = async () => (await getPublicTestimoniesForPerson(ctx.db, personId)).items.flatMap((t) => t.attachments.map((a) => a.caption));
  const saved = async () => (await ctx.db.select({ c: attachments.publicCaption, o: attachments.caption }).from(attachments).where(eq(attachments.id, fileId)))[0]!;

  beforeAll(async () => {
    actors = await createActors(ctx.db);
    second = await createSecondModerator(ctx.db, 'caption-second');
    const collectionId = await insertCollection(ctx.db);
    ({ id: personId } = await insertPerson(ctx.db, { collectionId, status: 'published' }));
    testimonyId = await insertTestimony(ctx.db, { collectionId, submitterId: actors.submitterA.userId!, personIds: [personId], status: 'in_review', withPublishedRevision: false });
    await ctx.db.update(testimonies).set({ claimedBy: actors.moderator.userId, claimedAt: new Date(), portraitPublic: true }).where(eq(testimonies.id, testimonyId));
    const [file] = await ctx.db
      .insert(attachments)
      .values({ testimonyId, kind: 'image', mime: 'image/jpeg', publicMime: 'image/jpeg', sizeBytes: 10, sha256: 'ab', publicKey: 'public/x.jpg', status: 'ready', metadataRemoved: true, visibility: 'public', caption: submitted })
      .returning({ id: attachments.id });
    fileId = file!.id;
    await ctx.db.update(persons).set({ portraitAttachmentId: fileId }).where(eq(persons.id, personId));
  });

  it('only the claim holder writes it during review; the submitter’s caption is kept for moderators', async () => {
    expect(await as('submitterA', 'x')).toBe('not_found');
    expect(await as('anonymous', 'x')).toBe('unauthenticated');
    expect(await as('admin', 'x')).toBe('conflict');
    expect(await as('moderator', 'x'.repeat(501))).toBe('invalid');
    expect(await as('moderator', 'Note by [redacted]')).toBe('allowed');
    expect(await saved()).toEqual({ c: 'Note by [redacted]', o: submitted });
    const [file] = await listReviewAttachments(ctx.db, actors.moderator.viewer, testimonyId);
    expect([file!.caption, file!.publicCaption]).toEqual([submitted, 'Note by [redacted]']);
    const [audit] = await ctx.db.select().from(auditEntries).where(and(eq(auditEntries.action, 'attachment.caption'), eq(auditEntries.targetId, fileId)));
    expect(audit!.details).toEqual({ testimonyId, captionLength: 18, public: false });
    expect(JSON.stringify(audit)).not.toContain('Maryam');
  });

  it('readers get only the moderator’s caption, on the testimony and the portrait, never the submitter’s', async () => {
    const [t] = await ctx.db.select({ rev: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, testimonyId));
    await ctx.db.update(testimonies).set({ status: 'published', publishedRevisionId: t!.rev, claimedBy: null, claimedAt: null }).where(eq(testimonies.id, testimonyId));
    expect(await publicCaptions()).toEqual(['Note by [redacted]']);
    expect((await getPublishedPerson(ctx.db, personId))!.portrait?.caption).toBe('Note by [redacted]');
    // No caption written: the file is public without one (not with the submitter's).
    await ctx.db.update(attachments).set({ publicCaption: null }).where(eq(attachments.id, fileId));
    expect(await publicCaptions()).toEqual([null]);
    expect((await getPublishedPerson(ctx.db, personId))!.portrait?.caption).toBeNull();
    await ctx.db.update(attachments).set({ publicCaption: 'Note by Maryam' }).where(eq(attachments.id, fileId));
  });

  it('once published: taking words out applies at once for any moderator; new words need a second moderator with four-eyes', async () => {
    await updateSettings(ctx.db, actors.admin.viewer, { four_eyes: true, coordinated_window_hours: 72 });
    const before = await readPublicDataVersion(ctx.db);
    expect(await as('admin', 'Note by [redacted]')).toBe('allowed');
    expect(await publicCaptions()).toEqual(['Note by [redacted]']);
    expect(await readPublicDataVersion(ctx.db)).toBeGreaterThan(before);
    expect(await as('moderator', 'A photo of the square')).toBe('awaiting_second_approval');
    expect(await publicCaptions()).toEqual(['Note by [redacted]']);
    expect(await codeOf(second, 'A photo of the square')).toBe('published');
    expect(await publicCaptions()).toEqual(['A photo of the square']);
    expect(await as('moderator', '')).toBe('allowed');
    expect(await publicCaptions()).toEqual([null]);
    await updateSettings(ctx.db, actors.admin.viewer, { four_eyes: false, coordinated_window_hours: 72 });
  });

  it('an emptied caption saved stays empty (never "not written yet", which the review refilled from the submitter’s); what the checks find is saved only on a tick', async () => {
    expect(await as('moderator', '')).toBe('allowed');
    expect((await saved()).c).toBe('');
    const [file] = await listReviewAttachments(ctx.db, actors.moderator.viewer, testimonyId);
    expect(file!.publicCaption).toBe('');
    expect(await publicCaptions()).toEqual([null]);
    expect(await as('moderator', 'Call 09123456789')).toBe('captionIdentifying');
    expect((await saved()).c).toBe('');
    expect(await setPublicCaption(ctx.db, actors.moderator.viewer, { attachmentId: fileId, publicCaption: 'The square, 09123456789', notIdentifying: 'yes' }).then((r) => r.publication)).not.toBe('awaiting_second_approval');
    expect(await publicCaptions()).toEqual(['The square, 09123456789']);
  });
});
