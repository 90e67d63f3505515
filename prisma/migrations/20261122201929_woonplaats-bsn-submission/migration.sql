/*
  Warnings:

  - A unique constraint covering the columns `[submissionId]` on the table `Case` will be added. If there are existing duplicate values, this will fail.
  - Existing cases were filed with the child's own address, so they get OWN_ADDRESS.

*/
-- CreateEnum
CREATE TYPE "ResidenceRule" AS ENUM ('OWN_ADDRESS', 'BEFORE_CARE', 'MOTHER_AT_BIRTH');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "childBsn" TEXT,
ADD COLUMN     "residenceRule" "ResidenceRule" NOT NULL DEFAULT 'OWN_ADDRESS',
ADD COLUMN     "submissionId" TEXT;

ALTER TABLE "Case" ALTER COLUMN "residenceRule" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "Case_submissionId_key" ON "Case"("submissionId");
