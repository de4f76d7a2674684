import 'server-only';
// Everything publishing a testimony will make public (issue 15), from the public projection's own
// functions, so that the review shows exactly what readers will get: each person the testimony is
// about as the public person page would show them once published, and the files that will be public.
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import type { PublicAttachment, PublicPerson } from '@/lib/memorial/dto';
import { unsafePreviewPerson } from '@/lib/memorial/persons';
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
  // The persons and the files side by side (issue 21).
  const [persons, files] = await Promise.all([
    Promise.all(review.persons.map(async (p) => {
      const person = await unsafePreviewPerson(db, p.id, review.id);
      if (!person) return null;
      // Counted among the person's public testimonies once this one is published.
      const testimonyCount = person.testimonyCount + (willBePublic && !alreadyCounted ? 1 : 0);
      return { person: { ...person, testimonyCount }, status: p.status };
    })),
    willBePublic ? publicAttachments(db, [review.id]).then((found) => found.get(review.id) ?? []) : [],
  ]);
  return { persons: persons.filter((p): p is PersonPreview => p !== null), files };
}
