-- AlterTable
ALTER TABLE "InformationRequest" ADD COLUMN     "askedByRole" "Role",
ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT;
