import 'server-only';
// Everything publishing a testimony will make public (issue 15), from the public projection's own
// functions, so that the review shows exactly what readers will get: each person the testimony is
// about as the public person page would show them once published, and the files that will be public.
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import type { PublicAttachment, PublicPerson } from '@/lib/memorial/dto';
import { unsafePreviewPersons } from '@/lib/memorial/persons';
import { publicAttachments } from '@/lib/memorial/testimonies';
import { requirePermission } from '@/lib/authz/guard';
import type { ReviewDto } from './review';

export type PersonPreview = {
  person: PublicPerson;
  /** A draft record is published with the testimony; a published one is public already; a hidden one stays hidden. */
  status: string;
};

export type PublicationPreview = { persons: PersonPreview[]; files: PublicAttachment[] };

/**
 * The preview of testimony `testimonyId`. Its reads need only the id, so the review page starts this
 * beside getReview (issue 21: they waited for the review's row, then for its audit entry); what the
 * review found (`review`, or the promise of it) decides what is shown: whether the files will be
 * public, the persons' order and statuses. Nothing is returned before the review has resolved, so a
 * refused or missing review refuses this too.
 */
export async function getPublicationPreview(
  db: Db,
  viewer: Viewer | null,
  testimonyId: string,
  review: Pick<ReviewDto, 'id' | 'status' | 'consent' | 'persons'> | PromiseLike<Pick<ReviewDto, 'id' | 'status' | 'consent' | 'persons'>>,
): Promise<PublicationPreview> {
  requirePermission(viewer, 'testimony.read.any');
  // The persons (one batch for all of them) and the files side by side, with the review.
  const [found, publicFiles, r] = await Promise.all([
    unsafePreviewPersons(db, testimonyId),
    publicAttachments(db, [testimonyId]).then((byTestimony) => byTestimony.get(testimonyId) ?? []),
    review,
  ]);
  if (r.id !== testimonyId) throw new Error('getPublicationPreview: the review is of another testimony');
  const willBePublic = r.consent.publish === 'public';
  const alreadyCounted = r.status === 'published';
  const persons = r.persons.map((p) => {
    const person = found.get(p.id);
    if (!person) return null;
    // Counted among the person's public testimonies once this one is published.
    const testimonyCount = person.testimonyCount + (willBePublic && !alreadyCounted ? 1 : 0);
    return { person: { ...person, testimonyCount }, status: p.status };
  });
  return { persons: persons.filter((p): p is PersonPreview => p !== null), files: willBePublic ? publicFiles : [] };
}
