CREATE TABLE "publication_approvals" (
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"moderator_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_approvals_kind_target_id_fingerprint_moderator_id_pk" PRIMARY KEY("kind","target_id","fingerprint","moderator_id")
);
--> statement-breakpoint
ALTER TABLE "publication_approvals" ADD CONSTRAINT "publication_approvals_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;