-- Redaction drafts leave the clear: a new encrypted column (filled from the old plaintext at server
-- start, lib/testimonies/encrypt-legacy.ts). An approval no longer copies the text: the revision's
-- draft is the approved text (it was also written to redacted_narrative at the first approval).
ALTER TABLE "testimony_revisions" ADD COLUMN "redaction_draft" text;--> statement-breakpoint
ALTER TABLE "testimony_approvals" DROP COLUMN "redacted_narrative";