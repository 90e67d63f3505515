-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "leerplichtExemption" TEXT,
ADD COLUMN     "leerplichtInformed" TEXT,
ADD COLUMN     "leerplichtInformedOn" DATE,
ADD COLUMN     "onderwijsconsulent" TEXT,
ADD COLUMN     "samenwerkingsverbandName" TEXT,
ADD COLUMN     "schoolName" TEXT;
