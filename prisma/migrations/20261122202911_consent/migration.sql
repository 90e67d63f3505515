/*
  Cases filed before consent was recorded in detail were filed by a parent
  with authority, so they get PARENT.
*/
-- CreateEnum
CREATE TYPE "ConsentGiver" AS ENUM ('PARENT', 'YOUTH');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('IN_PERSON', 'PHONE', 'IN_WRITING');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "consentGivenBy" "ConsentGiver" NOT NULL DEFAULT 'PARENT',
ADD COLUMN     "consentMethod" "ConsentMethod";

ALTER TABLE "Case" ALTER COLUMN "consentGivenBy" DROP DEFAULT;
