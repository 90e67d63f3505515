-- CreateEnum
CREATE TYPE "ContactPreference" AS ENUM ('EMAIL', 'PHONE');

-- AlterTable
ALTER TABLE "CaseParty" ADD COLUMN     "contactPreference" "ContactPreference" NOT NULL DEFAULT 'EMAIL';
