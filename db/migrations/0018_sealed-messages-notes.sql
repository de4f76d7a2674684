ALTER TABLE "messages" ADD COLUMN "data_key" text;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "data_key" text;