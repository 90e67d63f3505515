-- Cheaper row-level security on "Case" and the rows of a case (decision 018).
-- What the policies allow is unchanged.
--
-- The policies of 20261201221500_row-level-security called doorbraak_reaches()
-- for every row that the gemeente test did not let through. It is SECURITY
-- DEFINER, so PostgreSQL cannot inline it and switches user and search_path on
-- every call; nested (a row of a case, its case, its referral) that cost about
-- 0.25 ms per row, and an expert team's queue paid it for every case of its
-- region. Now:
-- - "Case"."referredAt" says when the case was first referred to the region's
--   expert team, kept by the trigger below, so that the region test is a
--   column test instead of a lookup in "Referral";
-- - the "Case" policies test the settings inline and call a lookup (party,
--   invitation) only where the setting says it can matter;
-- - a row of a case is readable where its case is, asked of "Case" itself.

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "referredAt" TIMESTAMP(3);

UPDATE "Case" c SET "referredAt" = r.first
FROM (SELECT "caseId", min("createdAt") AS first FROM "Referral" GROUP BY "caseId") r
WHERE r."caseId" = c.id;

-- A referral sets the date once; removing the last referral (the retention job
-- does) clears it. SECURITY DEFINER: whoever may add or remove a referral may
-- have this follow, whatever their own rights on the case row.
CREATE FUNCTION doorbraak_keep_referred_at() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Case" SET "referredAt" = NEW."createdAt"
    WHERE id = NEW."caseId" AND ("referredAt" IS NULL OR "referredAt" > NEW."createdAt");
    RETURN NEW;
  END IF;
  UPDATE "Case" c SET "referredAt" = (SELECT min(r."createdAt") FROM "Referral" r WHERE r."caseId" = c.id)
  WHERE c.id = OLD."caseId";
  RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION doorbraak_keep_referred_at() FROM PUBLIC;

CREATE TRIGGER referral_keeps_referred_at
AFTER INSERT OR DELETE ON "Referral"
FOR EACH ROW EXECUTE FUNCTION doorbraak_keep_referred_at();

-- Referred, by the column.
CREATE FUNCTION doorbraak_referred(case_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = case_id AND c."referredAt" IS NOT NULL)
$$;
REVOKE ALL ON FUNCTION doorbraak_referred(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorbraak_referred(text) TO doorbraak_app;

CREATE FUNCTION doorbraak_is_party(case_id text, filed_by text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT doorbraak_user() IS NOT NULL
    AND (
      filed_by = doorbraak_user()
      OR EXISTS (SELECT 1 FROM "CaseParty" p WHERE p."caseId" = case_id AND p."userId" = doorbraak_user())
    )
$$;

CREATE FUNCTION doorbraak_invited(case_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "CaseInvitation" i
    WHERE i."caseId" = case_id AND i."tokenHash" = doorbraak_setting('invitation') AND i."revokedAt" IS NULL
  )
$$;

REVOKE ALL ON FUNCTION doorbraak_is_party(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION doorbraak_invited(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorbraak_is_party(text, text) TO doorbraak_app;
GRANT EXECUTE ON FUNCTION doorbraak_invited(text) TO doorbraak_app;

-- The same rule as before, with each lookup behind the setting that makes it matter.
CREATE OR REPLACE FUNCTION doorbraak_reaches(case_id text, gemeente_id text, region_id text, filed_by text, for_write boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN for_write THEN doorbraak_writes_all() ELSE doorbraak_reads_all() END
    OR gemeente_id = ANY (doorbraak_ids(CASE WHEN for_write THEN 'write_gemeenten' ELSE 'read_gemeenten' END))
    OR (
      region_id = ANY (doorbraak_ids(CASE WHEN for_write THEN 'write_regions' ELSE 'read_regions' END))
      AND doorbraak_referred(case_id)
    )
    OR (
      doorbraak_setting(CASE WHEN for_write THEN 'write_party' ELSE 'read_party' END) = 'on'
      AND doorbraak_is_party(case_id, filed_by)
    )
    -- The link is the key: whoever holds it may join the case it invites to.
    OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(case_id))
$$;

-- On "Case" itself the rule is written out, so that the tests on settings and
-- on the row's own columns are inlined and only a lookup is a function call.
DROP POLICY case_read ON "Case";
CREATE POLICY case_read ON "Case" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR ("regionId" = ANY (doorbraak_ids('read_regions')) AND "referredAt" IS NOT NULL)
  OR (doorbraak_setting('read_party') = 'on' AND doorbraak_is_party(id, "filedById"))
  OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
);

DROP POLICY case_change ON "Case";
CREATE POLICY case_change ON "Case" FOR UPDATE
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR ("regionId" = ANY (doorbraak_ids('write_regions')) AND "referredAt" IS NOT NULL)
    OR (doorbraak_setting('write_party') = 'on' AND doorbraak_is_party(id, "filedById"))
    OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
  )
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR ("regionId" = ANY (doorbraak_ids('write_regions')) AND "referredAt" IS NOT NULL)
    OR (doorbraak_setting('write_party') = 'on' AND doorbraak_is_party(id, "filedById"))
    OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
  );

-- A row of a case is readable where its case is: asked of "Case" under its own
-- policy, which is now inline, instead of through doorbraak_may_reach_case(),
-- a function call per row that cost an expert a quarter of a millisecond.
-- Changing such a row still goes through doorbraak_may_reach_case(..., true).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'TimelineEntry', 'Referral', 'InformationRequest', 'Intervention', 'DecisionProposal', 'Decision',
    'CaseDocument', 'CaseInvitation', 'AssignmentReport', 'CaseEvaluation'
  ] LOOP
    EXECUTE format('DROP POLICY case_row_read ON %I', t);
    EXECUTE format($p$CREATE POLICY case_row_read ON %I FOR SELECT USING (
      doorbraak_reads_all()
      OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
      OR EXISTS (SELECT 1 FROM "Case" c WHERE c.id = "caseId"))$p$, t);
  END LOOP;
END
$$;

DROP POLICY case_party_read ON "CaseParty";
CREATE POLICY case_party_read ON "CaseParty" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR ("userId" = doorbraak_user() AND doorbraak_setting('read_party') = 'on')
  OR EXISTS (SELECT 1 FROM "Case" c WHERE c.id = "caseId")
);

-- The expert team's queue: open, referred cases of a region, in deadline order.
CREATE INDEX "Case_open_region_deadline_idx" ON "Case"("regionId", "deadlineAt", "id")
  WHERE "closedAt" IS NULL AND "referredAt" IS NOT NULL;
