-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "overdueAt" TIMESTAMP(3),
ADD COLUMN     "statusAt" TIMESTAMP(3),
ADD COLUMN     "statusById" TEXT,
ADD COLUMN     "statusNote" TEXT;

-- AlterTable
ALTER TABLE "Intervention" ADD COLUMN     "childInvolved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "internalNote" TEXT,
ADD COLUMN     "involvementNote" TEXT;

-- CreateTable
CREATE TABLE "AssignmentReport" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "reportedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvaluation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "blockers" TEXT[],
    "blockedNote" TEXT,
    "breakthroughNote" TEXT NOT NULL,
    "stepDurations" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssignmentReport_assignmentId_idx" ON "AssignmentReport"("assignmentId");

-- CreateIndex
CREATE INDEX "AssignmentReport_gemeenteId_idx" ON "AssignmentReport"("gemeenteId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvaluation_caseId_key" ON "CaseEvaluation"("caseId");

-- CreateIndex
CREATE INDEX "CaseEvaluation_gemeenteId_idx" ON "CaseEvaluation"("gemeenteId");

-- CreateIndex
CREATE INDEX "Assignment_status_dueOn_escalationLevel_idx" ON "Assignment"("status", "dueOn", "escalationLevel");

-- AddForeignKey
ALTER TABLE "AssignmentReport" ADD CONSTRAINT "AssignmentReport_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvaluation" ADD CONSTRAINT "CaseEvaluation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
