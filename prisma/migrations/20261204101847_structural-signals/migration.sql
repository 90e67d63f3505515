-- CreateEnum
CREATE TYPE "SignalDimension" AS ENUM ('CAUSE', 'ORGANISATION_KIND');

-- CreateEnum
CREATE TYPE "SignalStatus" AS ENUM ('OPEN', 'RAISED_REGIONAL', 'PASSED_NATIONAL');

-- AlterTable
ALTER TABLE "CaseStatistic" ADD COLUMN     "referredMonth" DATE;

-- AlterTable
ALTER TABLE "StatisticsPolicy" ADD COLUMN     "signalThreshold" INTEGER;

-- CreateTable
CREATE TABLE "StructuralSignal" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "dimension" "SignalDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "cases" INTEGER NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "countedAt" TIMESTAMP(3) NOT NULL,
    "status" "SignalStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "actedOn" DATE,
    "markedById" TEXT,
    "markedByName" TEXT,
    "markedAt" TIMESTAMP(3),

    CONSTRAINT "StructuralSignal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StructuralSignal_regionId_quarter_idx" ON "StructuralSignal"("regionId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "StructuralSignal_regionId_quarter_dimension_key_key" ON "StructuralSignal"("regionId", "quarter", "dimension", "key");

-- AddForeignKey
ALTER TABLE "StructuralSignal" ADD CONSTRAINT "StructuralSignal_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The month of the first referral, and the referral's causes while a case is open, for the
-- facts already kept (timestamps are stored as UTC; months are Amsterdam's, as the portal's).
UPDATE "CaseStatistic" s
SET "referredMonth" = date_trunc('month', (c."referredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Amsterdam')::date
FROM "Case" c
WHERE c."statisticId" = s.id AND c."referredAt" IS NOT NULL;

UPDATE "CaseStatistic" s
SET causes = (SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM unnest(r.causes) k),
    "organisationKinds" = (SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM unnest(r."organisationKinds") k)
FROM "Case" c
JOIN LATERAL (
  SELECT causes, "organisationKinds" FROM "Referral" WHERE "caseId" = c.id ORDER BY "createdAt" DESC LIMIT 1
) r ON true
WHERE c."statisticId" = s.id
  AND NOT EXISTS (SELECT 1 FROM "CaseEvaluation" e WHERE e."caseId" = c.id);

-- Signals name a region, a quarter and a count, never a case. The portal's role reads them as a
-- statistics reader (which the monitoring services become after checking the person's scope);
-- the statistics job adds them and updates their counts; the region's coordinator and the
-- admins of its gemeenten record what was done.
ALTER TABLE "StructuralSignal" ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION doorbraak_manages_region(region_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT doorbraak_is_system()
    OR region_id = ANY (doorbraak_ids('manage_regions'))
    OR EXISTS (SELECT 1 FROM "Gemeente" g WHERE g."regionId" = region_id AND g.id = ANY (doorbraak_ids('manage_gemeenten')))
$$;
CREATE POLICY signal_read ON "StructuralSignal" FOR SELECT USING (
  doorbraak_setting('statistics') = 'on' OR doorbraak_manages_region("regionId")
);
CREATE POLICY signal_add ON "StructuralSignal" FOR INSERT WITH CHECK (doorbraak_is_system());
CREATE POLICY signal_change ON "StructuralSignal" FOR UPDATE
  USING (doorbraak_manages_region("regionId")) WITH CHECK (doorbraak_manages_region("regionId"));
CREATE POLICY signal_remove ON "StructuralSignal" FOR DELETE USING (doorbraak_is_system());
