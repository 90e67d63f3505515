-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "commonName" TEXT;
