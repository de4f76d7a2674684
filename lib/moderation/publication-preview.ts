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

export async function getPublicationPreview(db: Db, viewer: Viewer | null, review: Pick<ReviewDto, 'id' | 'status' | 'consent' | 'persons'>): Promise<PublicationPreview> {
  requirePermission(viewer, 'testimony.read.any');
  const willBePublic = review.consent.publish === 'public';
  const alreadyCounted = review.status === 'published';
  // The persons (one batch for all of them) and the files side by side (issue 21).
  const [found, files] = await Promise.all([
    unsafePreviewPersons(db, review.persons.map((p) => p.id), review.id),
    willBePublic ? publicAttachments(db, [review.id]).then((byTestimony) => byTestimony.get(review.id) ?? []) : [],
  ]);
  const persons = review.persons.map((p) => {
    const person = found.get(p.id);
    if (!person) return null;
    // Counted among the person's public testimonies once this one is published.
    const testimonyCount = person.testimonyCount + (willBePublic && !alreadyCounted ? 1 : 0);
    return { person: { ...person, testimonyCount }, status: p.status };
  });
  return { persons: persons.filter((p): p is PersonPreview => p !== null), files };
}
