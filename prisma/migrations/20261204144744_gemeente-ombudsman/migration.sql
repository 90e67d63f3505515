-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "ombudsmanName" TEXT,
ADD COLUMN     "ombudsmanUrl" TEXT;
