-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "filedById" TEXT;

UPDATE "Case" c SET "filedById" = p."userId"
FROM "CaseParty" p WHERE p."caseId" = c.id AND p.role = 'FILER' AND p."userId" IS NOT NULL;

-- ───────────────────────── the application's role ─────────────────────────
-- The portal connects as doorbraak_app: no superuser, no BYPASSRLS, not the
-- owner of any table, so the policies below always apply to it. It has no
-- password here; an operator sets one (ALTER ROLE doorbraak_app PASSWORD ...)
-- where connections need one. Roles belong to the server, not the database,
-- so another database on the same server may have made it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'doorbraak_app') THEN
    CREATE ROLE doorbraak_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO doorbraak_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO doorbraak_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO doorbraak_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO doorbraak_app;
-- Tables of later migrations get the same rights; whether they need a policy is
-- decided in that migration (tests/integration/row-level-security.test.ts checks).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO doorbraak_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO doorbraak_app;
-- The migration history is the owner's (a replay in a shadow database has none); audit events are only ever added.
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM doorbraak_app;
  END IF;
END
$$;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM doorbraak_app;

-- ───────────────────────── who is acting ─────────────────────────
-- Every transaction of the portal starts by setting, with set_config(..., true),
-- who acts and what the permission table lets them reach (lib/db/acting.ts):
--   doorbraak.user_id                     the user, or empty
--   doorbraak.system                      'on' for the portal's own jobs
--   doorbraak.read_* / doorbraak.write_*  gemeenten, regions (comma-separated ids),
--                                         party ('on': cases one is a party to),
--                                         national ('on': every case)
--   doorbraak.invitation                  the hash of an invitation link being
--                                         opened or accepted: its case only
-- Nothing set means nothing visible.

CREATE FUNCTION doorbraak_setting(name text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('doorbraak.' || name, true), '')
$$;

CREATE FUNCTION doorbraak_ids(name text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(doorbraak_setting(name), ''), ',')
$$;

CREATE FUNCTION doorbraak_user() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT nullif(doorbraak_setting('user_id'), '')
$$;

CREATE FUNCTION doorbraak_is_system() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT doorbraak_setting('system') = 'on'
$$;

CREATE FUNCTION doorbraak_reads_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT doorbraak_setting('system') = 'on' OR doorbraak_setting('read_national') = 'on'
$$;

CREATE FUNCTION doorbraak_writes_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT doorbraak_setting('system') = 'on' OR doorbraak_setting('write_national') = 'on'
$$;

-- Whether the acting user may reach a case with these values, for reading or
-- for changing it: through a gemeente, through a region once the case is
-- referred there, as a party to it, or through an invitation link. SECURITY
-- DEFINER so that it reads "Referral", "CaseParty" and "CaseInvitation"
-- without their own policies (which call it: no recursion). The "Case"
-- policies pass the row's own values, so that a changed row is judged by its
-- new gemeente, not by the one it had.
CREATE FUNCTION doorbraak_reaches(case_id text, gemeente_id text, region_id text, filed_by text, for_write boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN for_write THEN doorbraak_writes_all() ELSE doorbraak_reads_all() END
    OR gemeente_id = ANY (doorbraak_ids(CASE WHEN for_write THEN 'write_gemeenten' ELSE 'read_gemeenten' END))
    OR (
      region_id = ANY (doorbraak_ids(CASE WHEN for_write THEN 'write_regions' ELSE 'read_regions' END))
      AND EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = case_id)
    )
    OR (
      doorbraak_setting(CASE WHEN for_write THEN 'write_party' ELSE 'read_party' END) = 'on'
      AND doorbraak_user() IS NOT NULL
      AND (
        filed_by = doorbraak_user()
        OR EXISTS (SELECT 1 FROM "CaseParty" p WHERE p."caseId" = case_id AND p."userId" = doorbraak_user())
      )
    )
    -- The link is the key: whoever holds it may join the case it invites to.
    OR (
      doorbraak_setting('invitation') <> ''
      AND EXISTS (
        SELECT 1 FROM "CaseInvitation" i
        WHERE i."caseId" = case_id AND i."tokenHash" = doorbraak_setting('invitation') AND i."revokedAt" IS NULL
      )
    )
$$;

-- The same for a case by its id, as stored: for the rows that hang off a case.
CREATE FUNCTION doorbraak_may_reach_case(case_id text, for_write boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN for_write THEN doorbraak_writes_all() ELSE doorbraak_reads_all() END
    OR EXISTS (
      SELECT 1 FROM "Case" c
      WHERE c.id = case_id AND doorbraak_reaches(c.id, c."gemeenteId", c."regionId", c."filedById", for_write)
    )
$$;
REVOKE ALL ON FUNCTION doorbraak_reaches(text, text, text, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION doorbraak_may_reach_case(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorbraak_reaches(text, text, text, text, boolean) TO doorbraak_app;
GRANT EXECUTE ON FUNCTION doorbraak_may_reach_case(text, boolean) TO doorbraak_app;

-- ───────────────────────── cases ─────────────────────────
ALTER TABLE "Case" ENABLE ROW LEVEL SECURITY;

-- The gemeente test first, inline: a queue of thousands of cases needs no lookups.
CREATE POLICY case_read ON "Case" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR doorbraak_reaches(id, "gemeenteId", "regionId", "filedById", false)
);

-- A family or professional files for any gemeente (the woonplaatsbeginsel picks it), as themselves.
CREATE POLICY case_file ON "Case" FOR INSERT WITH CHECK (
  doorbraak_writes_all()
  OR ("filedById" = doorbraak_user() AND doorbraak_setting('write_party') = 'on')
);

CREATE POLICY case_change ON "Case" FOR UPDATE
  USING (
    "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_reaches(id, "gemeenteId", "regionId", "filedById", true)
  )
  WITH CHECK (
    "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_reaches(id, "gemeenteId", "regionId", "filedById", true)
  );

-- Cases are never deleted by the portal; retention empties them (decision 014).
CREATE POLICY case_remove ON "Case" FOR DELETE USING (doorbraak_is_system());

-- ───────────────────────── rows of a case ─────────────────────────
-- Readable where the case is readable, written where the case may be changed.
-- The gemeente test comes first: it needs no lookup.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'TimelineEntry', 'Referral', 'InformationRequest', 'Intervention', 'DecisionProposal', 'Decision',
    'CaseDocument', 'CaseInvitation', 'AssignmentReport', 'CaseEvaluation'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY case_row_read ON %I FOR SELECT USING (
      doorbraak_reads_all()
      OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
      OR doorbraak_may_reach_case("caseId", false))$p$, t);
    EXECUTE format($p$CREATE POLICY case_row_write ON %I FOR ALL
      USING (
        doorbraak_writes_all()
        OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
        OR doorbraak_may_reach_case("caseId", true))
      WITH CHECK (
        doorbraak_writes_all()
        OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
        OR doorbraak_may_reach_case("caseId", true))$p$, t);
  END LOOP;
END
$$;

-- A party row is also one's own: accepting an invitation adds it before the case is reachable.
ALTER TABLE "CaseParty" ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_party_read ON "CaseParty" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR ("userId" = doorbraak_user() AND doorbraak_setting('read_party') = 'on')
  OR doorbraak_may_reach_case("caseId", false)
);
CREATE POLICY case_party_write ON "CaseParty" FOR ALL
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case("caseId", true))
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR ("userId" = doorbraak_user() AND doorbraak_setting('write_party') = 'on')
    OR doorbraak_may_reach_case("caseId", true));

-- A transfer is seen from both gemeenten; it has no single "gemeenteId".
ALTER TABLE "CaseTransfer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_transfer_read ON "CaseTransfer" FOR SELECT USING (doorbraak_may_reach_case("caseId", false));
CREATE POLICY case_transfer_write ON "CaseTransfer" FOR ALL
  USING (doorbraak_may_reach_case("caseId", true))
  WITH CHECK (doorbraak_may_reach_case("caseId", true));

-- Assignments hang off a decision, not directly off a case.
ALTER TABLE "Assignment" ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignment_read ON "Assignment" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR EXISTS (SELECT 1 FROM "Decision" d WHERE d.id = "decisionId")
);
CREATE POLICY assignment_write ON "Assignment" FOR ALL
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case((SELECT d."caseId" FROM "Decision" d WHERE d.id = "decisionId"), true))
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case((SELECT d."caseId" FROM "Decision" d WHERE d.id = "decisionId"), true));

-- ───────────────────────── audit trail ─────────────────────────
-- Everyone who may read a case adds events about it (reads are audited too);
-- only national readers see all events. Events are never changed (no UPDATE or
-- DELETE policy, no grant, and the append-only trigger).
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON "AuditEvent" FOR SELECT USING (
  doorbraak_reads_all()
  OR "actorId" = doorbraak_user()
  OR ("caseId" IS NOT NULL AND doorbraak_may_reach_case("caseId", false))
);
CREATE POLICY audit_add ON "AuditEvent" FOR INSERT WITH CHECK (
  doorbraak_is_system()
  OR (
    "actorId" = doorbraak_user()
    AND ("caseId" IS NULL OR doorbraak_may_reach_case("caseId", false))
  )
);

-- ───────────────────────── per person ─────────────────────────
ALTER TABLE "CaseDraft" ENABLE ROW LEVEL SECURITY;
CREATE POLICY draft_own ON "CaseDraft" FOR ALL
  USING (doorbraak_is_system() OR "userId" = doorbraak_user())
  WITH CHECK (doorbraak_is_system() OR "userId" = doorbraak_user());

-- Notifications are made for colleagues, read only by their owner.
ALTER TABLE "StaffNotification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_own ON "StaffNotification" FOR SELECT USING (doorbraak_is_system() OR "userId" = doorbraak_user());
CREATE POLICY notification_mark ON "StaffNotification" FOR UPDATE
  USING (doorbraak_is_system() OR "userId" = doorbraak_user())
  WITH CHECK (doorbraak_is_system() OR "userId" = doorbraak_user());
CREATE POLICY notification_remove ON "StaffNotification" FOR DELETE USING (doorbraak_is_system() OR "userId" = doorbraak_user());
CREATE POLICY notification_add ON "StaffNotification" FOR INSERT WITH CHECK (
  doorbraak_is_system()
  OR (doorbraak_user() IS NOT NULL AND ("caseId" IS NULL OR doorbraak_may_reach_case("caseId", false)))
);

-- Mail waiting to go out: added with a change of the case, sent by the portal's job.
ALTER TABLE "OutboxMessage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_read ON "OutboxMessage" FOR SELECT USING (
  doorbraak_is_system() OR ("caseId" IS NOT NULL AND doorbraak_may_reach_case("caseId", false))
);
CREATE POLICY outbox_add ON "OutboxMessage" FOR INSERT WITH CHECK (
  doorbraak_is_system() OR ("caseId" IS NOT NULL AND doorbraak_may_reach_case("caseId", false))
);
CREATE POLICY outbox_send ON "OutboxMessage" FOR UPDATE USING (doorbraak_is_system()) WITH CHECK (doorbraak_is_system());
CREATE POLICY outbox_remove ON "OutboxMessage" FOR DELETE USING (doorbraak_is_system());
