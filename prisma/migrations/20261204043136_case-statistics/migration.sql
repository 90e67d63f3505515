/*
  Warnings:

  - A unique constraint covering the columns `[statisticId]` on the table `Case` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "statisticId" TEXT;

-- CreateTable
CREATE TABLE "CaseStatistic" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "regionId" TEXT,
    "filedMonth" DATE NOT NULL,
    "closedMonth" DATE,
    "step" "CaseStatus" NOT NULL,
    "result" "CaseResult",
    "outcome" "CaseOutcome",
    "urgency" "Urgency" NOT NULL,
    "domains" "Domain"[],
    "ageBand" TEXT,
    "thuiszitter" BOOLEAN NOT NULL,
    "daysOutOfSchoolAtFiling" INTEGER,
    "daysOutOfSchoolAtHelpStart" INTEGER,
    "referred" BOOLEAN NOT NULL,
    "decided" BOOLEAN NOT NULL,
    "workingDaysToFirstContact" INTEGER,
    "workingDaysToReferral" INTEGER,
    "workingDaysToDecision" INTEGER,
    "workingDaysToHelpStart" INTEGER,
    "workingDaysToClose" INTEGER,
    "stepWorkingDays" JSONB NOT NULL DEFAULT '{}',
    "withinNorms" BOOLEAN,
    "assignments" INTEGER NOT NULL DEFAULT 0,
    "assignmentsOnTime" INTEGER NOT NULL DEFAULT 0,
    "transfers" INTEGER NOT NULL DEFAULT 0,
    "causes" TEXT[],
    "organisationKinds" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseStatistic_gemeenteId_filedMonth_idx" ON "CaseStatistic"("gemeenteId", "filedMonth");

-- CreateIndex
CREATE INDEX "CaseStatistic_regionId_filedMonth_idx" ON "CaseStatistic"("regionId", "filedMonth");

-- CreateIndex
CREATE INDEX "CaseStatistic_gemeenteId_closedMonth_idx" ON "CaseStatistic"("gemeenteId", "closedMonth");

-- CreateIndex
CREATE INDEX "CaseStatistic_regionId_closedMonth_idx" ON "CaseStatistic"("regionId", "closedMonth");

-- CreateIndex
CREATE UNIQUE INDEX "Case_statisticId_key" ON "Case"("statisticId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_statisticId_fkey" FOREIGN KEY ("statisticId") REFERENCES "CaseStatistic"("id") ON DELETE SET NULL ON UPDATE CASCADE;
