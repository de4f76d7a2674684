ALTER TYPE "public"."reject_reason" ADD VALUE 'out_of_scope';--> statement-breakpoint
ALTER TYPE "public"."reject_reason" ADD VALUE 'not_credible';--> statement-breakpoint
ALTER TYPE "public"."reject_reason" ADD VALUE 'spam';