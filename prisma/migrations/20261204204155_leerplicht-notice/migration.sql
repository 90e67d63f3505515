-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "leerplichtConsent" BOOLEAN,
ADD COLUMN     "leerplichtNotifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "leerplichtContactId" TEXT;

-- AddForeignKey
ALTER TABLE "Gemeente" ADD CONSTRAINT "Gemeente_leerplichtContactId_fkey" FOREIGN KEY ("leerplichtContactId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
