-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "gemeenteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector" TEXT,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organisation_gemeenteId_archivedAt_name_idx" ON "Organisation"("gemeenteId", "archivedAt", "name");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_gemeenteId_fkey" FOREIGN KEY ("gemeenteId") REFERENCES "Gemeente"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
