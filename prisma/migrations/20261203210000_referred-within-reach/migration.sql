-- doorbraak_referred(case_id) answered for any case id, and the app role may
-- call it (and doorbraak_reaches(), which passes it on) directly: a session
-- without any scope could learn that a case id exists and was referred. It now
-- answers only for a case in a region the caller reaches (read or write), which
-- is the one question the region test in doorbraak_reaches() asks of it:
-- doorbraak_may_reach_case() passes the case's own region, so what the policies
-- allow is unchanged.
CREATE OR REPLACE FUNCTION doorbraak_referred(case_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Case" c
    WHERE c.id = case_id
      AND c."referredAt" IS NOT NULL
      AND (c."regionId" = ANY (doorbraak_ids('read_regions')) OR c."regionId" = ANY (doorbraak_ids('write_regions')))
  )
$$;

-- No policy calls it any more (the "Case" policies test "referredAt" inline);
-- doorbraak_reaches() runs as the owner and keeps calling it.
REVOKE EXECUTE ON FUNCTION doorbraak_referred(text) FROM doorbraak_app;
