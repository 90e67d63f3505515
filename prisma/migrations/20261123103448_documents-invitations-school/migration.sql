-- CreateEnum
CREATE TYPE "SchoolSituation" AS ENUM ('ATTENDING', 'PARTLY', 'NONE', 'NOT_APPLICABLE');

-- DropIndex
DROP INDEX "OutboxMessage_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "outOfSchoolSince" DATE,
ADD COLUMN     "refusedBy" TEXT,
ADD COLUMN     "risks" TEXT,
ADD COLUMN     "schoolSituation" "SchoolSituation";

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "clientSupportName" TEXT,
ADD COLUMN     "clientSupportPhone" TEXT,
ADD COLUMN     "clientSupportUrl" TEXT,
ADD COLUMN     "contactHours" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "CaseDocument" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseInvitation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "PartyRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CaseInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseDocument_caseId_createdAt_idx" ON "CaseDocument"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "CaseDocument_gemeenteId_idx" ON "CaseDocument"("gemeenteId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseInvitation_tokenHash_key" ON "CaseInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "CaseInvitation_caseId_idx" ON "CaseInvitation"("caseId");

-- CreateIndex
CREATE INDEX "CaseInvitation_gemeenteId_idx" ON "CaseInvitation"("gemeenteId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseInvitation" ADD CONSTRAINT "CaseInvitation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
