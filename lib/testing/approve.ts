// "Approve and publish" as the review page does it, for tests whose subject is what happens after:
// the moderator holding the claim saves the text first when it is not the one the page shows (only
// the saved, previewed text can be published), then approves it from a page showing that version,
// with every item the checks still find confirmed as not identifying. Tests of those rules
// themselves call publishTestimony directly (lib/moderation/publish-checks.integration.test.ts).
import type { Db } from '@/db/types';
import type { Viewer } from '@/lib/auth/sessions';
import { publishTestimony } from '@/lib/moderation/decisions';
import { suggestionKey, suggestRedactions } from '@/lib/moderation/redaction';
import { saveRedactionDraft } from '@/lib/moderation/redaction-save';
import { getReview } from '@/lib/moderation/review';

export async function approveText(db: Db, viewer: Viewer | null, input: { testimonyId: string; revisionId: string; redactedNarrative: string }) {
  const review = await getReview(db, viewer, input.testimonyId, { record: false });
  const revision = review.revision!;
  let version = revision.redactionVersion;
  const shown = revision.redactedNarrative ?? revision.narrative;
  if (shown !== input.redactedNarrative && review.claim?.heldByViewer && review.approvals.length === 0) {
    await saveRedactionDraft(db, viewer, { ...input, version, mode: 'edit' });
    version += 1;
  }
  return publishTestimony(db, viewer, { ...input, version, notIdentifying: suggestRedactions(input.redactedNarrative).map(suggestionKey) });
}
