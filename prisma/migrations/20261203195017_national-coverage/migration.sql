-- CreateEnum
CREATE TYPE "CaseRouting" AS ENUM ('GEMEENTE', 'REGION', 'FALLBACK');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'REGION_COORDINATOR';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "routing" "CaseRouting" NOT NULL DEFAULT 'GEMEENTE';

-- AlterTable
ALTER TABLE "ExpertTeam" ADD COLUMN     "activatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "activatedAt" TIMESTAMP(3),
ADD COLUMN     "endedOn" DATE,
ADD COLUMN     "successorId" TEXT;

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "gemeenteId" TEXT,
    "regionId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NationalFallback" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "url" TEXT,
    "hours" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "NationalFallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceUpdate" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_gemeenteId_createdAt_idx" ON "StaffInvitation"("gemeenteId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffInvitation_regionId_createdAt_idx" ON "StaffInvitation"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffInvitation_email_idx" ON "StaffInvitation"("email");

-- CreateIndex
CREATE INDEX "ReferenceUpdate_appliedAt_idx" ON "ReferenceUpdate"("appliedAt");

-- CreateIndex
CREATE INDEX "Case_routing_closedAt_idx" ON "Case"("routing", "closedAt");

-- AddForeignKey
ALTER TABLE "Gemeente" ADD CONSTRAINT "Gemeente_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Gemeente"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One national fallback at most.
ALTER TABLE "NationalFallback" ADD CONSTRAINT "NationalFallback_single_row" CHECK ("id" = 1);

-- Gemeenten and expert teams that already work with the portal stay active.
UPDATE "Gemeente" g SET "activatedAt" = CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."gemeenteId" = g.id AND m.role = 'AANSPREEKPUNT');
UPDATE "ExpertTeam" t SET "activatedAt" = CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."regionId" = t."regionId" AND m.role = 'EXPERT');
