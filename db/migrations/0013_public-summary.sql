CREATE TABLE "public_summary" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "public_summary_single_row" CHECK ("public_summary"."id" = 1)
);
