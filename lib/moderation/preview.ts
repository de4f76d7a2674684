import 'server-only';
// The redaction preview: the testimony exactly as readers would get it, built with the public
// projection's own rules (credit from `publicCredit`, the exact place only with consent, else the
// person's city that publishing fixes (./public-place.ts); nothing at all when the submitter chose
// documentation only), so the preview and the public page cannot drift apart.
import { publicCredit } from '@/lib/memorial';
import type { PublicAttachment, PublicTestimony } from '@/lib/memorial/dto';
import { publicCityOf } from './public-place';
import type { ReviewDto } from './review';
import { suggestRedactions, type Suggestion } from './redaction';

export type RedactionPreview =
  | { visible: false; remaining: Suggestion[] }
  | { visible: true; testimony: PublicTestimony; remaining: Suggestion[] };

/** `files`: the files that will be public with it (lib/moderation/publication-preview.ts). */
export function buildPreview(review: ReviewDto, redactedNarrative: string, files: PublicAttachment[] = []): RedactionPreview {
  // Anything that still looks like a phone number, address… in the text about to be published, and
  // in the captions of the files published with it (the same rule: a caption is public text too).
  const remaining = [redactedNarrative, ...files.map((f) => f.caption ?? '')].flatMap((text) => suggestRedactions(text));
  if (review.consent.publish !== 'public' || !review.revision) return { visible: false, remaining };
  const r = review.revision;
  const testimony: PublicTestimony = {
    id: review.id,
    personIds: review.persons.map((p) => p.id),
    language: review.language,
    hand: r.hand as PublicTestimony['hand'],
    credit: publicCredit({
      consentCredit: review.consent.credit as 'anonymous' | 'relationship' | 'chosen_name',
      creditName: review.consent.creditName,
      relationship: r.relationship as Parameters<typeof publicCredit>[0]['relationship'],
      submittedAt: review.submittedAt,
      publishedAt: new Date(),
    }),
    narrative: redactedNarrative.trim(),
    eventDate: r.eventDate,
    eventDatePrecision: r.eventDatePrecision,
    place: review.consent.exactPlacePublic ? r.eventPlace : publicCityOf(review.persons),
    attachments: files,
    // Not published yet: no date (the public page shows the date publishing sets); an edit of a
    // published testimony keeps the date it was first published.
    publishedAt: review.publishedAt?.toISOString() ?? null,
  };
  return { visible: true, testimony, remaining };
}
