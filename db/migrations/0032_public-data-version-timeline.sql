-- The public data version keys caches that outlive the database they were filled from: Next's data
-- cache on disk (.next/cache) and a running instance's public cache. Counting up from 0 gave two
-- databases (a fresh install, a restored backup, the e2e suite's second database) the same numbers
-- for different data, so a page cached at "version 5" of one was served for "version 5" of the other.
-- The version now follows the clock in microseconds since 1970 (below 2^53, exact as a JavaScript
-- number) and still never goes back: each bump is max(version + 1, now). A restored backup's first
-- change therefore moves past every value the old timeline used.
CREATE OR REPLACE FUNCTION "bump_public_data_version"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('yadman.public_data_bumped', true) = 'yes' THEN
    RETURN;
  END IF;
  PERFORM set_config('yadman.public_data_bumped', 'yes', true);
  UPDATE "public_data_version"
    SET "version" = greatest("version" + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint)
    WHERE "id" = 1;
END $$;--> statement-breakpoint
UPDATE "public_data_version" SET "version" = greatest("version" + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint) WHERE "id" = 1;
