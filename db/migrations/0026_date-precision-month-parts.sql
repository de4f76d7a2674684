ALTER TYPE "public"."date_precision" ADD VALUE 'early';--> statement-breakpoint
ALTER TYPE "public"."date_precision" ADD VALUE 'mid';--> statement-breakpoint
ALTER TYPE "public"."date_precision" ADD VALUE 'late';