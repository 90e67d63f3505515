-- AlterEnum
ALTER TYPE "CaseResult" ADD VALUE 'NO_LONGER_NEEDED';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "closingNote" TEXT,
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "overdueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DeadlineNorm" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeadlineNorm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseTransfer" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "fromGemeenteId" TEXT NOT NULL,
    "toGemeenteId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expertAgreement" TEXT,
    "transferredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffNotification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gemeenteId" TEXT,
    "caseId" TEXT,
    "caseNumber" TEXT,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "StaffNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineNorm_gemeenteId_status_key" ON "DeadlineNorm"("gemeenteId", "status");

-- CreateIndex
CREATE INDEX "CaseTransfer_caseId_createdAt_idx" ON "CaseTransfer"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseTransfer_fromGemeenteId_idx" ON "CaseTransfer"("fromGemeenteId");

-- CreateIndex
CREATE INDEX "CaseTransfer_toGemeenteId_idx" ON "CaseTransfer"("toGemeenteId");

-- CreateIndex
CREATE INDEX "StaffNotification_userId_readAt_createdAt_idx" ON "StaffNotification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Case_gemeenteId_assigneeId_status_idx" ON "Case"("gemeenteId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Case_status_deadlineAt_escalationLevel_idx" ON "Case"("status", "deadlineAt", "escalationLevel");

-- AddForeignKey
ALTER TABLE "DeadlineNorm" ADD CONSTRAINT "DeadlineNorm_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTransfer" ADD CONSTRAINT "CaseTransfer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
