-- The public data version (public_data_version, db/schema/public-data.ts) is bumped by triggers in
-- the same transaction as every change the public can see, whichever code path makes it (moderation,
-- merges, imports, purges, scripts). App instances key their caches of public data by it, so a
-- publish or withdrawal committed through one instance is visible through all of them at once.
-- Changes the public never sees (drafts, claims, a revision in review, moderators-only files) do
-- not bump it, so submissions and the review queue do not empty the public caches.
INSERT INTO "public_data_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Once per transaction: later changes in the same transaction are covered by the same new value,
-- which other sessions see only when the transaction commits.
CREATE FUNCTION "bump_public_data_version"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('yadman.public_data_bumped', true) = 'yes' THEN
    RETURN;
  END IF;
  PERFORM set_config('yadman.public_data_bumped', 'yes', true);
  UPDATE "public_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
END $$;--> statement-breakpoint
-- For tables whose rows are public by their own columns; the condition is in each trigger's WHEN.
CREATE FUNCTION "public_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_public_data_version"();
  RETURN NULL;
END $$;--> statement-breakpoint
-- For rows that are public through another row: TG_ARGV[0] says which. OLD is null on INSERT and
-- NEW on DELETE; to_jsonb of a null record is null, so both cases need no branch.
CREATE FUNCTION "public_dependent_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD);
  new_row jsonb := to_jsonb(NEW);
  person_ids uuid[] := array_remove(ARRAY[(old_row ->> 'person_id')::uuid, (new_row ->> 'person_id')::uuid], NULL);
  testimony_ids uuid[] := array_remove(ARRAY[(old_row ->> 'testimony_id')::uuid, (new_row ->> 'testimony_id')::uuid], NULL);
  own_ids uuid[] := array_remove(ARRAY[(old_row ->> 'id')::uuid, (new_row ->> 'id')::uuid], NULL);
  is_public boolean;
BEGIN
  IF TG_ARGV[0] = 'person' THEN
    -- aliases and sources of a published person
    is_public := EXISTS (SELECT 1 FROM "persons" WHERE "id" = ANY (person_ids) AND "status" = 'published');
  ELSIF TG_ARGV[0] = 'testimony' THEN
    -- which persons a published testimony is about
    is_public := EXISTS (SELECT 1 FROM "testimonies" WHERE "id" = ANY (testimony_ids) AND "status" = 'published');
  ELSIF TG_ARGV[0] = 'revision' THEN
    -- the published (redacted) revision of a published testimony
    is_public := EXISTS (SELECT 1 FROM "testimonies" WHERE "published_revision_id" = ANY (own_ids) AND "status" = 'published');
  ELSE
    -- a public file of a published testimony, or a published person's portrait
    is_public := (old_row ->> 'visibility' = 'public' OR new_row ->> 'visibility' = 'public')
      AND (EXISTS (SELECT 1 FROM "testimonies" WHERE "id" = ANY (testimony_ids) AND "status" = 'published')
        OR EXISTS (SELECT 1 FROM "persons" WHERE "portrait_attachment_id" = ANY (own_ids) AND "status" = 'published'));
  END IF;
  IF is_public THEN
    PERFORM "bump_public_data_version"();
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "persons_public_insert" AFTER INSERT ON "persons" FOR EACH ROW
  WHEN (NEW."status" = 'published') EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "persons_public_update" AFTER UPDATE ON "persons" FOR EACH ROW
  WHEN ((OLD."status" = 'published' OR NEW."status" = 'published') AND OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "persons_public_delete" AFTER DELETE ON "persons" FOR EACH ROW
  WHEN (OLD."status" = 'published') EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "testimonies_public_insert" AFTER INSERT ON "testimonies" FOR EACH ROW
  WHEN (NEW."status" = 'published') EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
-- Only the columns the public projection reads: the working draft, claims and review state of a
-- published testimony being edited do not count.
CREATE TRIGGER "testimonies_public_update" AFTER UPDATE ON "testimonies" FOR EACH ROW
  WHEN ((OLD."status" = 'published' OR NEW."status" = 'published')
    AND (OLD."status", OLD."published_revision_id", OLD."consent_publish", OLD."consent_credit", OLD."credit_name",
         OLD."portrait_public", OLD."exact_place_public", OLD."language", OLD."submitted_at", OLD."published_at",
         OLD."collection_id")
      IS DISTINCT FROM
        (NEW."status", NEW."published_revision_id", NEW."consent_publish", NEW."consent_credit", NEW."credit_name",
         NEW."portrait_public", NEW."exact_place_public", NEW."language", NEW."submitted_at", NEW."published_at",
         NEW."collection_id"))
  EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "testimonies_public_delete" AFTER DELETE ON "testimonies" FOR EACH ROW
  WHEN (OLD."status" = 'published') EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "collections_public_change" AFTER INSERT OR UPDATE OR DELETE ON "collections" FOR EACH ROW
  EXECUTE FUNCTION "public_row_changed"();--> statement-breakpoint
CREATE TRIGGER "person_aliases_public_change" AFTER INSERT OR UPDATE OR DELETE ON "person_aliases" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('person');--> statement-breakpoint
CREATE TRIGGER "person_sources_public_change" AFTER INSERT OR UPDATE OR DELETE ON "person_sources" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('person');--> statement-breakpoint
CREATE TRIGGER "testimony_persons_public_change" AFTER INSERT OR UPDATE OR DELETE ON "testimony_persons" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('testimony');--> statement-breakpoint
CREATE TRIGGER "testimony_revisions_public_change" AFTER UPDATE OR DELETE ON "testimony_revisions" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('revision');--> statement-breakpoint
CREATE TRIGGER "attachments_public_change" AFTER INSERT OR UPDATE OR DELETE ON "attachments" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('attachment');
