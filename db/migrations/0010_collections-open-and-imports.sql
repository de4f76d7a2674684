CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'imported', 'discarded');--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"created_by" uuid,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"headers" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"mapping" jsonb,
	"summary" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "collections" ADD COLUMN "open_for_submissions" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_batches_created_at_index" ON "import_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "persons_created_at_id_idx" ON "persons" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "audit_entries_action_id_idx" ON "audit_entries" USING btree ("action","id");