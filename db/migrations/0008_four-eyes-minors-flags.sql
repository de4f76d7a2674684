ALTER TYPE "public"."testimony_status" ADD VALUE 'awaiting_approval';--> statement-breakpoint
CREATE TABLE "person_identity_approvals" (
	"person_id" uuid NOT NULL,
	"moderator_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_identity_approvals_person_id_moderator_id_pk" PRIMARY KEY("person_id","moderator_id")
);
--> statement-breakpoint
CREATE TABLE "testimony_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"testimony_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"moderator_id" uuid NOT NULL,
	"redacted_narrative" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testimony_approvals_revision_moderator_key" UNIQUE("revision_id","moderator_id")
);
--> statement-breakpoint
CREATE TABLE "testimony_flags" (
	"testimony_id" uuid NOT NULL,
	"related_testimony_id" uuid NOT NULL,
	"similarity" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testimony_flags_testimony_id_related_testimony_id_pk" PRIMARY KEY("testimony_id","related_testimony_id")
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "minor" boolean GENERATED ALWAYS AS (coalesce(age < 18, false) or coalesce(extract(year from incident_date) - birth_year < 18, false)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "person_identity_approvals" ADD CONSTRAINT "person_identity_approvals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_identity_approvals" ADD CONSTRAINT "person_identity_approvals_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_approvals" ADD CONSTRAINT "testimony_approvals_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_approvals" ADD CONSTRAINT "testimony_approvals_revision_id_testimony_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."testimony_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_approvals" ADD CONSTRAINT "testimony_approvals_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_flags" ADD CONSTRAINT "testimony_flags_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_flags" ADD CONSTRAINT "testimony_flags_related_testimony_id_testimonies_id_fk" FOREIGN KEY ("related_testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "testimony_approvals_testimony_id_index" ON "testimony_approvals" USING btree ("testimony_id");--> statement-breakpoint
CREATE INDEX "testimony_flags_related_testimony_id_index" ON "testimony_flags" USING btree ("related_testimony_id");--> statement-breakpoint
CREATE INDEX "testimonies_revision_in_review_idx" ON "testimonies" USING btree ("submitted_at","id") WHERE status = 'published' and current_revision_id <> published_revision_id;