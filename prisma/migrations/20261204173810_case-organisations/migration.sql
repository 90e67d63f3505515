-- CreateEnum
CREATE TYPE "OrganisationPart" AS ENUM ('REFUSED', 'DID_NOT_ACT', 'MUST_ACT', 'HELPS');

-- CreateTable
CREATE TABLE "CaseOrganisation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "organisationId" TEXT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "part" "OrganisationPart" NOT NULL,
    "linkedById" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,

    CONSTRAINT "CaseOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseOrganisation_caseId_idx" ON "CaseOrganisation"("caseId");

-- CreateIndex
CREATE INDEX "CaseOrganisation_organisationId_idx" ON "CaseOrganisation"("organisationId");

-- AddForeignKey
ALTER TABLE "CaseOrganisation" ADD CONSTRAINT "CaseOrganisation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseOrganisation" ADD CONSTRAINT "CaseOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rows of a case: readable where the case is readable, written where the case may be
-- changed (as the other rows of a case, decision 016).
ALTER TABLE "CaseOrganisation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_row_read ON "CaseOrganisation" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR doorbraak_may_reach_case("caseId", false));
CREATE POLICY case_row_write ON "CaseOrganisation" FOR ALL
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case("caseId", true))
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case("caseId", true));
