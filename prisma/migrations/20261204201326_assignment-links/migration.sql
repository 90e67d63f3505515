-- CreateEnum
CREATE TYPE "AssignmentReportKind" AS ENUM ('NOT_DONE', 'RECEIVED', 'DONE', 'PROBLEM');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "caseOrganisationId" TEXT,
ADD COLUMN     "receivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AssignmentReport" ADD COLUMN     "doneOn" DATE,
ADD COLUMN     "kind" "AssignmentReportKind" NOT NULL DEFAULT 'NOT_DONE',
ADD COLUMN     "linkId" TEXT,
ALTER COLUMN "reportedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AssignmentLink" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "AssignmentLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentLink_tokenHash_key" ON "AssignmentLink"("tokenHash");

-- CreateIndex
CREATE INDEX "AssignmentLink_assignmentId_idx" ON "AssignmentLink"("assignmentId");

-- CreateIndex
CREATE INDEX "AssignmentLink_caseId_idx" ON "AssignmentLink"("caseId");

-- CreateIndex
CREATE INDEX "AssignmentLink_gemeenteId_idx" ON "AssignmentLink"("gemeenteId");

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_caseOrganisationId_fkey" FOREIGN KEY ("caseOrganisationId") REFERENCES "CaseOrganisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentLink" ADD CONSTRAINT "AssignmentLink_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rows of a case: readable where the case is readable, written where the case may be
-- changed (as the other rows of a case, decision 016). The organisation that holds a
-- link reaches its assignment through the link's service, not through a policy
-- (decision 037).
ALTER TABLE "AssignmentLink" ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_row_read ON "AssignmentLink" FOR SELECT USING (
  doorbraak_reads_all()
  OR "gemeenteId" = ANY (doorbraak_ids('read_gemeenten'))
  OR doorbraak_may_reach_case("caseId", false));
CREATE POLICY case_row_add ON "AssignmentLink" FOR INSERT WITH CHECK (
  doorbraak_writes_all()
  OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
  OR doorbraak_may_reach_case("caseId", true));
CREATE POLICY case_row_change ON "AssignmentLink" FOR UPDATE
  USING (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case("caseId", true))
  WITH CHECK (
    doorbraak_writes_all()
    OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
    OR doorbraak_may_reach_case("caseId", true));
CREATE POLICY case_row_remove ON "AssignmentLink" FOR DELETE USING (
  doorbraak_writes_all()
  OR "gemeenteId" = ANY (doorbraak_ids('write_gemeenten'))
  OR doorbraak_may_reach_case("caseId", true));
