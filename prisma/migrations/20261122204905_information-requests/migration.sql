-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resumeStatus" "CaseStatus" NOT NULL,
    "remainingWorkingDays" INTEGER,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InformationRequest_caseId_askedAt_idx" ON "InformationRequest"("caseId", "askedAt");

-- CreateIndex
CREATE INDEX "InformationRequest_gemeenteId_idx" ON "InformationRequest"("gemeenteId");

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
