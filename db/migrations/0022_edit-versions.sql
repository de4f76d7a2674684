ALTER TABLE "persons" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD COLUMN "redaction_version" integer DEFAULT 0 NOT NULL;