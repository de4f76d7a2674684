CREATE TYPE "public"."date_precision" AS ENUM('exact', 'month', 'year', 'approximate');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('submitter', 'moderator', 'admin');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('killed', 'injured', 'detained', 'disappeared', 'executed', 'other');--> statement-breakpoint
CREATE TYPE "public"."perpetrator" AS ENUM('irgc', 'basij', 'police', 'plainclothes', 'unknown', 'other');--> statement-breakpoint
CREATE TYPE "public"."person_status" AS ENUM('draft', 'published', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."verification_level" AS ENUM('unverified', 'corroborated', 'verified');--> statement-breakpoint
CREATE TYPE "public"."consent_credit" AS ENUM('anonymous', 'relationship', 'chosen_name');--> statement-breakpoint
CREATE TYPE "public"."consent_publish" AS ENUM('public', 'documentation_only');--> statement-breakpoint
CREATE TYPE "public"."hand" AS ENUM('first', 'second');--> statement-breakpoint
CREATE TYPE "public"."reject_reason" AS ENUM('insufficient_detail', 'unverifiable', 'duplicate', 'off_topic', 'unsafe', 'fabricated', 'other');--> statement-breakpoint
CREATE TYPE "public"."relationship" AS ENUM('mother', 'father', 'sibling', 'spouse', 'child', 'relative', 'friend', 'eyewitness', 'medic', 'journalist', 'other');--> statement-breakpoint
CREATE TYPE "public"."testimony_status" AS ENUM('draft', 'submitted', 'in_review', 'changes_requested', 'published', 'rejected', 'withdrawn', 'unpublished');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('image', 'video', 'audio', 'document');--> statement-breakpoint
CREATE TYPE "public"."attachment_visibility" AS ENUM('public', 'moderators');--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_fa" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fa" text,
	"description_en" text,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"username" text,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"second_factor_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"username_key" text NOT NULL,
	"email_encrypted" text,
	"role" "user_role" DEFAULT 'submitter' NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret_encrypted" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" bigint,
	"disabled_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'fa' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "users_username_key_unique" UNIQUE("username_key")
);
--> statement-breakpoint
CREATE TABLE "person_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"script" text NOT NULL,
	"normalized" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_fa" text NOT NULL,
	"name_latin" text,
	"father_name_fa" text,
	"father_name_latin" text,
	"gender" "gender" DEFAULT 'unknown' NOT NULL,
	"age" integer,
	"birth_year" integer,
	"occupation" text,
	"incident_date" date,
	"incident_date_precision" date_precision,
	"province" text,
	"city" text,
	"place" text,
	"outcome" "outcome" NOT NULL,
	"cause" text,
	"perpetrator" "perpetrator" DEFAULT 'unknown' NOT NULL,
	"aftermath" text[] DEFAULT '{}'::text[] NOT NULL,
	"portrait_attachment_id" uuid,
	"verification" "verification_level" DEFAULT 'unverified' NOT NULL,
	"verification_note" text,
	"status" "person_status" DEFAULT 'draft' NOT NULL,
	"name_search" text DEFAULT '' NOT NULL,
	"merged_into_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "persons_slug_unique" UNIQUE("slug"),
	CONSTRAINT "persons_province_check" CHECK (province IS NULL OR province IN ('IR-00', 'IR-01', 'IR-02', 'IR-03', 'IR-04', 'IR-05', 'IR-06', 'IR-07', 'IR-08', 'IR-09', 'IR-10', 'IR-11', 'IR-12', 'IR-13', 'IR-14', 'IR-15', 'IR-16', 'IR-17', 'IR-18', 'IR-19', 'IR-20', 'IR-21', 'IR-22', 'IR-23', 'IR-24', 'IR-25', 'IR-26', 'IR-27', 'IR-28', 'IR-29', 'IR-30')),
	CONSTRAINT "persons_age_check" CHECK (age IS NULL OR (age >= 0 AND age <= 130))
);
--> statement-breakpoint
CREATE TABLE "testimonies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"submitter_id" uuid NOT NULL,
	"status" "testimony_status" DEFAULT 'draft' NOT NULL,
	"language" text DEFAULT 'fa' NOT NULL,
	"current_revision_id" uuid,
	"published_revision_id" uuid,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"reject_reason" "reject_reason",
	"consent_publish" "consent_publish" DEFAULT 'documentation_only' NOT NULL,
	"consent_credit" "consent_credit" DEFAULT 'anonymous' NOT NULL,
	"credit_name" text,
	"portrait_public" boolean DEFAULT false NOT NULL,
	"exact_place_public" boolean DEFAULT false NOT NULL,
	"may_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "testimony_persons" (
	"testimony_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "testimony_persons_testimony_id_person_id_pk" PRIMARY KEY("testimony_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "testimony_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"testimony_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"relationship" "relationship" NOT NULL,
	"hand" "hand" NOT NULL,
	"narrative" text NOT NULL,
	"redacted_narrative" text,
	"event_date" date,
	"event_date_precision" date_precision,
	"event_place" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testimony_revisions_testimony_number_key" UNIQUE("testimony_id","number")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"testimony_id" uuid,
	"person_id" uuid,
	"uploaded_by" uuid,
	"kind" "attachment_kind" NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"original_key" text NOT NULL,
	"public_key" text,
	"caption" text,
	"visibility" "attachment_visibility" DEFAULT 'moderators' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"testimony_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"testimony_id" uuid,
	"person_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_target_check" CHECK (testimony_id IS NOT NULL OR person_id IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_entries_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_aliases" ADD CONSTRAINT "person_aliases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_sources" ADD CONSTRAINT "person_sources_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_portrait_attachment_id_attachments_id_fk" FOREIGN KEY ("portrait_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_id_persons_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_submitter_id_users_id_fk" FOREIGN KEY ("submitter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_current_revision_id_testimony_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."testimony_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_published_revision_id_testimony_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."testimony_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonies" ADD CONSTRAINT "testimonies_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_persons" ADD CONSTRAINT "testimony_persons_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_persons" ADD CONSTRAINT "testimony_persons_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD CONSTRAINT "testimony_revisions_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimony_revisions" ADD CONSTRAINT "testimony_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_testimony_id_testimonies_id_fk" FOREIGN KEY ("testimony_id") REFERENCES "public"."testimonies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_codes_user_id_index" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_sessions_user_id_index" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "person_aliases_person_id_index" ON "person_aliases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_aliases_normalized_trgm_idx" ON "person_aliases" USING gin ("normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_sources_person_id_index" ON "person_sources" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "persons_collection_id_index" ON "persons" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "persons_status_published_at_idx" ON "persons" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "persons_province_index" ON "persons" USING btree ("province");--> statement-breakpoint
CREATE INDEX "persons_name_search_trgm_idx" ON "persons" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "testimonies_status_submitted_at_idx" ON "testimonies" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "testimonies_status_created_at_idx" ON "testimonies" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "testimonies_submitter_updated_at_idx" ON "testimonies" USING btree ("submitter_id","updated_at");--> statement-breakpoint
CREATE INDEX "testimonies_collection_id_index" ON "testimonies" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "testimonies_claimed_by_index" ON "testimonies" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "testimony_persons_person_id_index" ON "testimony_persons" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "attachments_testimony_id_index" ON "attachments" USING btree ("testimony_id");--> statement-breakpoint
CREATE INDEX "attachments_person_id_index" ON "attachments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "messages_testimony_created_at_idx" ON "messages" USING btree ("testimony_id","created_at");--> statement-breakpoint
CREATE INDEX "notes_testimony_id_index" ON "notes" USING btree ("testimony_id");--> statement-breakpoint
CREATE INDEX "notes_person_id_index" ON "notes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "audit_entries_target_idx" ON "audit_entries" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_entries_actor_id_index" ON "audit_entries" USING btree ("actor_id");