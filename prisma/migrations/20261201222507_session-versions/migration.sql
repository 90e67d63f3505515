-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- A change to someone's memberships ends their sessions: every session carries the
-- version it was made for, and getActor signs out a session of an older version. A
-- trigger, so that no code path that changes memberships (a service, a seed, an admin
-- screen still to come, or SQL by hand) can forget it.
CREATE FUNCTION membership_change_revokes_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE "id" = OLD."userId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE "id" = NEW."userId";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER membership_change_revokes_sessions
  AFTER INSERT OR UPDATE OR DELETE ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION membership_change_revokes_sessions();
