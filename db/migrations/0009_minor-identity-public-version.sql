-- A minor's identity approvals change what the public sees (full name and portrait instead of
-- initials): bump the public data version like any other change to a published person's data.
CREATE TRIGGER "person_identity_approvals_public_change" AFTER INSERT OR UPDATE OR DELETE ON "person_identity_approvals" FOR EACH ROW
  EXECUTE FUNCTION "public_dependent_changed"('person');
