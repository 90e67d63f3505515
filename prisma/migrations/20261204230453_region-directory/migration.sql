-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "regionId" TEXT,
ALTER COLUMN "gemeenteId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Organisation_regionId_archivedAt_name_idx" ON "Organisation"("regionId", "archivedAt", "name");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A directory entry is a gemeente's or a region's, never both, never neither (decision 039).
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_one_owner" CHECK (num_nonnulls("gemeenteId", "regionId") = 1);
