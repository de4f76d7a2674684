-- A published revision approved without a redaction showed its narrative; from now on the public
-- (and indexed) text is only ever redacted_narrative, so copy it there before narratives are encrypted.
UPDATE "testimony_revisions" SET "redacted_narrative" = "narrative" WHERE "redacted_narrative" IS NULL AND "id" IN (SELECT "published_revision_id" FROM "testimonies" WHERE "published_revision_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "testimonies" ALTER COLUMN "draft" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "testimonies" ALTER COLUMN "draft" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "testimonies" ALTER COLUMN "draft" SET DATA TYPE text;--> statement-breakpoint
UPDATE "testimonies" SET "draft" = NULL WHERE "draft" = '{}';--> statement-breakpoint
ALTER TABLE "testimony_revisions" DROP COLUMN "public_search";--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD COLUMN "public_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, translate(regexp_replace(lower(redacted_narrative), '[\u064B-\u065F\u0670\u0640]', '', 'g'), 'يىئكةۀأإٱآؤ‌‍‎‏۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', 'یییکههااااو    01234567890123456789'))) STORED;--> statement-breakpoint
CREATE INDEX "testimony_revisions_public_search_idx" ON "testimony_revisions" USING gin ("public_search");--> statement-breakpoint
-- Testimonies written before this migration keep plaintext (data_key null) until
-- lib/testimonies/encrypt-legacy.ts encrypts them when the server starts; e-mails and originals
-- from before it stay sealed with the global key (lib/crypto/secret-box.ts) and are read as such.
ALTER TABLE "testimonies" ADD COLUMN "data_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "data_key" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "data_key" text;
