-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "causes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "organisationKinds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The evaluations recorded before the causes of lib/domain/causes.ts use their keys.
-- Most old keys have one new key. DOMAIN_BOUNDARY named no boundary: the case's own
-- domains say which ones it met (Wlz, Zvw/ggz, Wmo, onderwijs); a case filed for
-- jeugdhulp alone gets BOUNDARY_OTHER. The audit trail keeps the old keys, as it
-- keeps everything as it was written.
UPDATE "CaseEvaluation" e
SET "blockers" = ARRAY(
  SELECT DISTINCT k FROM (
    SELECT CASE old
      WHEN 'WAITING_LIST' THEN 'WAITING_LIST'
      WHEN 'NO_PROVIDER' THEN 'NO_PROVIDER'
      WHEN 'FUNDING_DISPUTE' THEN 'FUNDING'
      WHEN 'SCHOOL_PLACE' THEN 'NO_SCHOOL_PLACE'
      WHEN 'INDICATION' THEN 'NO_ASSESSMENT'
      WHEN 'COOPERATION' THEN 'NO_COOPERATION'
      WHEN 'OTHER' THEN 'OTHER'
      ELSE old
    END AS k
    FROM unnest(e."blockers") AS old
    WHERE old <> 'DOMAIN_BOUNDARY'
    UNION ALL
    SELECT b FROM (
      SELECT CASE d::text
        WHEN 'WLZ' THEN 'BOUNDARY_WLZ'
        WHEN 'ZVW_GGZ' THEN 'BOUNDARY_ZVW'
        WHEN 'WMO' THEN 'BOUNDARY_WMO'
        WHEN 'ONDERWIJS' THEN 'BOUNDARY_EDUCATION'
      END AS b
      FROM "Case" c, unnest(c."domains") AS d
      WHERE c.id = e."caseId" AND 'DOMAIN_BOUNDARY' = ANY (e."blockers")
    ) boundaries
    WHERE b IS NOT NULL
    UNION ALL
    SELECT 'BOUNDARY_OTHER'
    WHERE 'DOMAIN_BOUNDARY' = ANY (e."blockers")
      AND NOT EXISTS (
        SELECT 1 FROM "Case" c, unnest(c."domains") AS d
        WHERE c.id = e."caseId" AND d::text IN ('WLZ', 'ZVW_GGZ', 'WMO', 'ONDERWIJS')
      )
  ) mapped
  ORDER BY k
)
WHERE e."blockers" && ARRAY['FUNDING_DISPUTE', 'SCHOOL_PLACE', 'INDICATION', 'COOPERATION', 'DOMAIN_BOUNDARY']::text[];
