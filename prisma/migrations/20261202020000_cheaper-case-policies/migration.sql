-- Cheaper row-level security on "Case" (decision 018).
--
-- The policies of 20261201221500_row-level-security called doorbraak_reaches()
-- for every row that the gemeente test did not let through. It is SECURITY
-- DEFINER, so PostgreSQL cannot inline it and switches user and search_path on
-- every call: an expert team's queue paid that for every case of its region,
-- closed ones included. The policies now test the settings inline and call a
-- lookup only where the setting says it can matter: the referral lookup only
-- for a case in one of the actor's regions, the party lookup only for someone
-- who acts as a party, the invitation lookup only while a link is being used.
-- What the policies allow is unchanged.

CREATE FUNCTION doorbraak_referred(case_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = case_id)
$$;

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

REVOKE ALL ON FUNCTION doorbraak_referred(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION doorbraak_is_party(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION doorbraak_invited(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorbraak_referred(text) TO doorbraak_app;
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
  OR ("regionId" = ANY (doorbraak_ids('read_regions')) AND doorbraak_referred(id))
  OR (doorbraak_setting('read_party') = 'on' AND doorbraak_is_party(id, "filedById"))
  OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
);

DROP POLICY case_change ON "Case";
CREATE POLICY case_change ON "Case" FOR UPDATE
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR ("regionId" = ANY (doorbraak_ids('write_regions')) AND doorbraak_referred(id))
    OR (doorbraak_setting('write_party') = 'on' AND doorbraak_is_party(id, "filedById"))
    OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
  )
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR ("regionId" = ANY (doorbraak_ids('write_regions')) AND doorbraak_referred(id))
    OR (doorbraak_setting('write_party') = 'on' AND doorbraak_is_party(id, "filedById"))
    OR (doorbraak_setting('invitation') <> '' AND doorbraak_invited(id))
  );
