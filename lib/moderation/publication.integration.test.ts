// Issue 15: with four-eyes on, no single moderator can make a person, testimony or file public by
// any route — status change on the staff person page (imported or proposed persons, first time or
// again after hiding), merge into a published person, linking a public testimony, file visibility
// on a published testimony, publishing a testimony. A second, different moderator approving the
// same content does it; a change made after the first approval needs approving anew. With the
// setting off, one moderator does it alone (the guard against over-blocking).
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachments, auditEntries, persons, testimonies, testimonyPersons } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/append';
import type { Viewer } from '@/lib/auth/sessions';
import { commitImport } from '@/lib/imports/run';
import { createImportBatch, getImportBatch, saveImportMapping } from '@/lib/imports/batches';
import { setAttachmentVisibility } from '@/lib/media/review-files';
import { getPublicTestimoniesForPerson, getPublishedPerson } from '@/lib/memorial';
import { getStaffPerson, mergePersons, setTestimonyLink, updatePerson } from '@/lib/persons';
import { updateSettings } from '@/lib/settings';
import { createSecondModerator } from '@/lib/testing/actors';
import { testDatabases } from '@/lib/testing/databases';
import { useSeededDatabase } from '@/lib/testing/seeded-database';
import { editable } from '@/lib/testing/person-patch';
import { insertPerson, insertTestimony } from '@/lib/testing/public-fixtures';
import { claimTestimony } from './claims';
import { approveText } from '@/lib/testing/approve';
import { decidePublication } from './publication';

describe('the publication rule', () => {
  it('needs two different moderators with four-eyes on, one without; the same one twice counts once', () => {
    expect(decidePublication({ fourEyes: false, approvedBy: [], actorId: 'a' })).toBe('published');
    expect(decidePublication({ fourEyes: true, approvedBy: [], actorId: 'a' })).toBe('awaiting_second_approval');
    expect(decidePublication({ fourEyes: true, approvedBy: ['a'], actorId: 'a' })).toBe('already_approved');
    expect(decidePublication({ fourEyes: true, approvedBy: ['a'], actorId: 'b' })).toBe('published');
  });
});

describe.each(testDatabases())('four-eyes by every route on $name', (target) => {
  const ctx = useSeededDatabase(target);
  let second: Viewer | null;

  beforeAll(async () => {
    second = await createSecondModerator(ctx.db, 'moderator-two');
  });
  const fourEyes = (on: boolean) => updateSettings(ctx.db, ctx.actors.admin.viewer, { four_eyes: on, coordinated_window_hours: 72 });
  beforeEach(() => fourEyes(true));

  const publishAs = async (viewer: Viewer | null, personId: string, change: Partial<ReturnType<typeof editable>> = {}) => {
    const opened = await getStaffPerson(ctx.db, viewer, personId);
    return (await updatePerson(ctx.db, viewer, personId, { ...editable(opened), ...change, status: 'published' }, opened.version)).publication;
  };
  const isPublic = async (personId: string) => (await getPublishedPerson(ctx.db, personId)) !== null;

  it('status change: an imported person stays unpublished after one moderator, and is published by a second', async () => {
    const batchId = await createImportBatch(ctx.db, ctx.actors.admin.viewer, { collectionId: ctx.collectionId, bytes: new TextEncoder().encode('Name,Outcome\nImported Person,killed\n') });
    await saveImportMapping(ctx.db, ctx.actors.admin.viewer, batchId, (await getImportBatch(ctx.db, ctx.actors.admin.viewer, batchId)).mapping);
    await commitImport(ctx.db, ctx.actors.admin.viewer, batchId, { includeDuplicates: true });
    const [imported] = await ctx.db.select({ id: persons.id, status: persons.status }).from(persons).where(eq(persons.nameLatin, 'Imported Person'));
    expect(imported!.status).toBe('draft');

    expect(await publishAs(ctx.actors.moderator.viewer, imported!.id, { cause: 'Shot' })).toBe('awaiting_second_approval');
    expect(await isPublic(imported!.id)).toBe(false);
    // The other fields were saved; the status was not.
    expect(await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, imported!.id)).toMatchObject({ status: 'draft', cause: 'Shot', pendingPublication: [{ byViewer: true }] });
    expect(await publishAs(ctx.actors.moderator.viewer, imported!.id)).toBe('already_approved');
    expect(await isPublic(imported!.id)).toBe(false);
    expect(await publishAs(second, imported!.id)).toBe('published');
    expect(await getPublishedPerson(ctx.db, imported!.id)).toMatchObject({ cause: 'Shot' });
    expect((await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, imported!.id)).pendingPublication).toEqual([]);
  });

  it('status change: an edit after the first approval needs approving anew; republishing a hidden person needs two again', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    expect(await publishAs(ctx.actors.moderator.viewer, person.id)).toBe('awaiting_second_approval');
    // The second moderator changes a public fact: that is a new content, their approval is the first.
    expect(await publishAs(second, person.id, { age: 31 })).toBe('awaiting_second_approval');
    expect(await isPublic(person.id)).toBe(false);
    expect(await publishAs(ctx.actors.moderator.viewer, person.id)).toBe('published');
    expect(await getPublishedPerson(ctx.db, person.id)).toMatchObject({ age: 31 });

    const opened = await getStaffPerson(ctx.db, ctx.actors.moderator.viewer, person.id);
    await updatePerson(ctx.db, ctx.actors.moderator.viewer, person.id, { ...editable(opened), status: 'hidden' as const }, opened.version);
    expect(await isPublic(person.id)).toBe(false);
    expect(await publishAs(ctx.actors.moderator.viewer, person.id)).toBe('awaiting_second_approval');
    expect(await isPublic(person.id)).toBe(false);
    expect(await publishAs(second, person.id)).toBe('published');
    expect(await isPublic(person.id)).toBe(true);
  });

  it('merge: into a published person it waits for a second moderator; into a draft it does not', async () => {
    const survivor = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const duplicate = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft', nameLatin: 'Secret Spelling' });
    const testimony = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [duplicate.id], status: 'published' });
    expect(await mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: duplicate.id, targetId: survivor.id })).toEqual({ outcome: 'awaiting_second_approval' });
    expect((await getPublishedPerson(ctx.db, survivor.id))!.otherNames).not.toContain('Secret Spelling');
    expect((await getPublicTestimoniesForPerson(ctx.db, survivor.id)).items.map((t) => t.id)).not.toContain(testimony);
    expect(await mergePersons(ctx.db, second, { sourceId: duplicate.id, targetId: survivor.id })).toEqual({ outcome: 'published' });
    expect((await getPublishedPerson(ctx.db, survivor.id))!.otherNames).toContain('Secret Spelling');
    expect((await getPublicTestimoniesForPerson(ctx.db, survivor.id)).items.map((t) => t.id)).toContain(testimony);

    const draftTarget = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    const other = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    expect(await mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: other.id, targetId: draftTarget.id })).toEqual({ outcome: 'published' });
  });

  it('link: a public testimony is shown on a published person only after a second moderator', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const testimony = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [], status: 'published' });
    const linked = async () => (await ctx.db.select().from(testimonyPersons).where(eq(testimonyPersons.testimonyId, testimony))).length;
    expect(await setTestimonyLink(ctx.db, ctx.actors.moderator.viewer, { personId: person.id, testimonyId: testimony, linked: true })).toEqual({ publication: 'awaiting_second_approval' });
    expect(await linked()).toBe(0);
    expect(await setTestimonyLink(ctx.db, second, { personId: person.id, testimonyId: testimony, linked: true })).toEqual({ publication: 'published' });
    expect(await linked()).toBe(1);
  });

  it('file visibility: on a published testimony a file becomes public only after a second moderator', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const testimony = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'published' });
    const [file] = await ctx.db
      .insert(attachments)
      .values({ testimonyId: testimony, kind: 'image', mime: 'image/jpeg', sizeBytes: 10, sha256: 'ab', publicKey: 'public/x', publicMime: 'image/webp', status: 'ready', metadataRemoved: true, caption: 'At the square' })
      .returning({ id: attachments.id });
    const visibility = async () => (await ctx.db.select({ v: attachments.visibility }).from(attachments).where(eq(attachments.id, file!.id)))[0]!.v;
    expect(await setAttachmentVisibility(ctx.db, ctx.actors.moderator.viewer, { attachmentId: file!.id, visibility: 'public' })).toEqual({ publication: 'awaiting_second_approval' });
    expect(await visibility()).toBe('moderators');
    expect(await setAttachmentVisibility(ctx.db, second, { attachmentId: file!.id, visibility: 'public' })).toEqual({ publication: 'published' });
    expect(await visibility()).toBe('public');
    // Taking a file down is never held back.
    await setAttachmentVisibility(ctx.db, ctx.actors.moderator.viewer, { attachmentId: file!.id, visibility: 'moderators' });
    expect(await visibility()).toBe('moderators');
  });

  it('publish: a testimony and the person it proposed stay unpublished after one moderator', async () => {
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    const id = await insertTestimony(ctx.db, { collectionId: ctx.collectionId, submitterId: ctx.actors.submitterA.userId!, personIds: [person.id], status: 'submitted', redacted: null, withPublishedRevision: false });
    const [row] = await ctx.db.select({ revisionId: testimonies.currentRevisionId }).from(testimonies).where(eq(testimonies.id, id));
    await claimTestimony(ctx.db, ctx.actors.moderator.viewer, { testimonyId: id });
    const input = { testimonyId: id, revisionId: row!.revisionId!, redactedNarrative: 'Approved text.' };
    expect(await approveText(ctx.db, ctx.actors.moderator.viewer, input)).toEqual({ outcome: 'awaiting_second_approval' });
    expect(await isPublic(person.id)).toBe(false);
    expect(await approveText(ctx.db, second, input)).toEqual({ outcome: 'published', visibility: 'public' });
    expect(await isPublic(person.id)).toBe(true);
  });

  it('with four-eyes off, one moderator publishes by each route, and the audit chain holds', async () => {
    await fourEyes(false);
    const person = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    expect(await publishAs(ctx.actors.moderator.viewer, person.id)).toBe('published');
    const survivor = await insertPerson(ctx.db, { collectionId: ctx.collectionId });
    const duplicate = await insertPerson(ctx.db, { collectionId: ctx.collectionId, status: 'draft' });
    expect(await mergePersons(ctx.db, ctx.actors.moderator.viewer, { sourceId: duplicate.id, targetId: survivor.id })).toEqual({ outcome: 'published' });
    const approvals = await ctx.db.select().from(auditEntries).where(eq(auditEntries.action, 'publication.approve'));
    expect(approvals.length).toBeGreaterThan(0); // from the four-eyes cases above
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
