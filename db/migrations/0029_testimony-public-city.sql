-- A published testimony's place without consent to the exact one is fixed when it is published (the
-- person's city as the review showed it), no longer read live from the person: editing a person's
-- city must not change a published testimony (lib/moderation/public-place.ts). Published revisions
-- keep the city they show now: the first public person's, by id, as the public projection chose it.
ALTER TABLE "testimony_revisions" ADD COLUMN "public_city" text;--> statement-breakpoint
UPDATE "testimony_revisions" "r" SET "public_city" = (
  SELECT "p"."city" FROM "testimony_persons" "tp" JOIN "persons" "p" ON "p"."id" = "tp"."person_id"
  WHERE "tp"."testimony_id" = "r"."testimony_id" AND "p"."status" = 'published' AND "p"."merged_into_id" IS NULL
  ORDER BY "p"."id" LIMIT 1
) WHERE "r"."id" IN (SELECT "published_revision_id" FROM "testimonies" WHERE "published_revision_id" IS NOT NULL);
