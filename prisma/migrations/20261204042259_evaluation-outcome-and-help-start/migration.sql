-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('LOCAL_AGREEMENT', 'EXPERT_ADVICE', 'DECISION', 'MAATWERK', 'NOT_SOLVED');

-- CreateEnum
CREATE TYPE "HelpStartSource" AS ENUM ('STAFF', 'FAMILY_CONFIRMED', 'FAMILY_CORRECTED');

-- AlterTable
ALTER TABLE "CaseEvaluation" ADD COLUMN     "helpStartConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "helpStartSource" "HelpStartSource",
ADD COLUMN     "helpStartedOn" DATE,
ADD COLUMN     "organisationKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "outcome" "CaseOutcome",
ADD COLUMN     "updatedAt" TIMESTAMP(3),
ADD COLUMN     "updatedById" TEXT;
