CREATE TABLE "queue_counts" (
	"status" text NOT NULL,
	"shard" smallint NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "queue_counts_status_shard_pk" PRIMARY KEY("status","shard")
);
--> statement-breakpoint
ALTER TABLE "testimonies" ADD COLUMN "fingerprint_bands" bigint[];--> statement-breakpoint
CREATE INDEX "testimonies_fingerprint_bands_idx" ON "testimonies" USING gin ("fingerprint_bands") WITH (fastupdate=false) WHERE "testimonies"."fingerprint_bands" is not null;--> statement-breakpoint
-- Near-duplicate candidates (lib/abuse/coordinated.ts): the 64-value fingerprint cut into 32 bands of
-- two values, one key per band (band number in the high bits, the two values mixed below it). Two
-- fingerprints that agree in at least 39 of 64 positions (the 0.6 threshold) differ in at most 25, so
-- at least 7 of their 32 bands are equal: every pair the check flags shares a key, and the GIN index
-- finds it without reading every fingerprint of the window.
CREATE FUNCTION coordinated_bands(fp integer[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(((i::bigint) << 48) | ((fp[2 * i + 1]::bigint # (fp[2 * i + 2]::bigint << 16)) & 281474976710655) ORDER BY i)
  FROM generate_series(0, cardinality(fp) / 2 - 1) AS i
$$;--> statement-breakpoint
UPDATE "testimonies" SET "fingerprint_bands" = coordinated_bands("fingerprint") WHERE "fingerprint" IS NOT NULL;--> statement-breakpoint
-- The queue status a testimony counts under (lib/moderation/queue.ts), or null.
CREATE FUNCTION queue_status_of(status text, current_revision uuid, published_revision uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status IN ('submitted', 'in_review', 'changes_requested', 'awaiting_approval') THEN status
    WHEN status = 'published' AND current_revision <> published_revision THEN 'edited'
  END
$$;--> statement-breakpoint
-- Moves a testimony's count from its old queue status to its new one, in the writing transaction.
-- The backend's own row of each status (pg_backend_pid() % 16) takes the change, so concurrent
-- submissions rarely wait on one another; the two rows are taken in status order (no deadlock
-- between a claim and a release on two backends that share a row).
CREATE FUNCTION queue_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  before_status text;
  after_status text;
  s smallint := pg_backend_pid() % 16;
  k text;
BEGIN
  IF TG_OP <> 'INSERT' THEN before_status := queue_status_of(OLD.status::text, OLD.current_revision_id, OLD.published_revision_id); END IF;
  IF TG_OP <> 'DELETE' THEN after_status := queue_status_of(NEW.status::text, NEW.current_revision_id, NEW.published_revision_id); END IF;
  IF before_status IS NOT DISTINCT FROM after_status THEN RETURN NULL; END IF;
  FOREACH k IN ARRAY ARRAY(SELECT x FROM unnest(ARRAY[before_status, after_status]) AS x WHERE x IS NOT NULL ORDER BY x) LOOP
    INSERT INTO queue_counts AS q (status, shard, n) VALUES (k, s, CASE WHEN k = after_status THEN 1 ELSE -1 END)
      ON CONFLICT (status, shard) DO UPDATE SET n = q.n + excluded.n;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER testimonies_queue_counts AFTER INSERT OR DELETE OR UPDATE OF status, current_revision_id, published_revision_id ON testimonies
  FOR EACH ROW EXECUTE FUNCTION queue_counts_track();--> statement-breakpoint
-- Counts from scratch: here, and after a bulk load that ran with the row triggers disabled (lib/synthetic/load.ts).
CREATE FUNCTION queue_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM queue_counts;
  INSERT INTO queue_counts (status, shard, n)
    SELECT k, 0, count(*) FROM (SELECT queue_status_of(status::text, current_revision_id, published_revision_id) AS k FROM testimonies) AS t
    WHERE k IS NOT NULL GROUP BY k;
$$;--> statement-breakpoint
CREATE FUNCTION queue_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM queue_counts; RETURN NULL; END $$;--> statement-breakpoint
CREATE TRIGGER testimonies_queue_counts_truncate AFTER TRUNCATE ON testimonies FOR EACH STATEMENT EXECUTE FUNCTION queue_counts_truncated();--> statement-breakpoint
SELECT queue_counts_rebuild();
--> statement-breakpoint
-- The audit chain's lock and its last hash in one round trip (lib/audit/append.ts): the lock is held
-- until the commit and every audited change takes it, so each round trip under it is one the whole
-- application waits for. Volatile: the read after the lock sees every entry committed before it.
CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN (SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1);
END
$$;
