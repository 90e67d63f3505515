-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "childWantsToBeHeard" TEXT,
ADD COLUMN     "childWish" TEXT,
ADD COLUMN     "clientSupporterInvolved" BOOLEAN,
ADD COLUMN     "clientSupporterName" TEXT;
