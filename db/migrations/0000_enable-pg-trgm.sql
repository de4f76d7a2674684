-- Trigram matching for fuzzy name search (persons.name_search, person_aliases.normalized).
-- drizzle-kit never writes CREATE EXTENSION, so this custom migration runs first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
