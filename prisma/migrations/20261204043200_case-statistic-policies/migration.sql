-- ───────────────────────── statistics ─────────────────────────
-- The anonymous facts of each case (decision 026). The portal's role reaches them in
-- two ways only, each set with set_config for one transaction:
--   doorbraak.statistics      'on': the services that aggregate figures
--                             (asStatisticsReader, lib/server/statistics/read-scope.ts)
--                             read every row, and no case data
--   doorbraak.statistic_rows  the ids of the rows being refreshed, set by the refresh
--                             (lib/server/statistics/case-statistic.ts) for a moment
--                             inside the transaction of whoever changed the case
-- An existing row is rewritten only while its case still points to it and the actor
-- reaches that case. No one removes a row: a purged case's facts are what stays.
ALTER TABLE "CaseStatistic" ENABLE ROW LEVEL SECURITY;
REVOKE DELETE, TRUNCATE ON "CaseStatistic" FROM doorbraak_app;

CREATE POLICY statistic_read ON "CaseStatistic" FOR SELECT USING (
  doorbraak_setting('statistics') = 'on'
  OR id = ANY (doorbraak_ids('statistic_rows'))
);
CREATE POLICY statistic_add ON "CaseStatistic" FOR INSERT WITH CHECK (
  id = ANY (doorbraak_ids('statistic_rows'))
);
CREATE POLICY statistic_refresh ON "CaseStatistic" FOR UPDATE
  USING (
    id = ANY (doorbraak_ids('statistic_rows'))
    AND EXISTS (SELECT 1 FROM "Case" c WHERE c."statisticId" = "CaseStatistic".id)
  )
  WITH CHECK (id = ANY (doorbraak_ids('statistic_rows')));
