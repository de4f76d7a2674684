CREATE TABLE "audit_checkpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"entries" bigint NOT NULL,
	"head_id" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_key" text NOT NULL,
	"testimony_ids" jsonb NOT NULL,
	"person_ids" jsonb NOT NULL,
	"include_messages" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"file_key" text,
	"size_bytes" bigint,
	"manifest_sha256" text,
	"checkpoint_id" integer,
	"mismatches" integer,
	"error" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "evidence_exports_status" CHECK ("evidence_exports"."status" in ('awaiting_approval', 'approved', 'done', 'failed', 'declined')),
	CONSTRAINT "evidence_exports_second_admin" CHECK ("evidence_exports"."approved_by" is null or "evidence_exports"."approved_by" is distinct from "evidence_exports"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_exports" ADD CONSTRAINT "evidence_exports_checkpoint_id_audit_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."audit_checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_exports_created_at_index" ON "evidence_exports" USING btree ("created_at");