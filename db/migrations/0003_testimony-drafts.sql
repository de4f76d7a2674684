ALTER TABLE "testimonies" ADD COLUMN "draft" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "testimonies" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_submitter_idempotency_key" UNIQUE("submitter_id","idempotency_key");--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD CONSTRAINT "testimony_revisions_testimony_idempotency_key" UNIQUE("testimony_id","idempotency_key");