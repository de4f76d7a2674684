-- The place of the event and the credit name leave the clear: encrypted columns, filled from the
-- old plain ones at server start (lib/testimonies/encrypt-legacy.ts), which are then always null.
ALTER TABLE "testimonies" ADD COLUMN "credit_name_encrypted" text;--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD COLUMN "event_place_encrypted" text;