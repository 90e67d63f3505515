-- CreateTable
CREATE TABLE "QuarterlyReport" (
    "scopeKey" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "csv" TEXT NOT NULL,
    "pdfSize" INTEGER NOT NULL,
    "csvSize" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "figuresAt" TIMESTAMP(3) NOT NULL,
    "madeAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuarterlyReport_pkey" PRIMARY KEY ("scopeKey","quarter")
);

-- A report holds only figures that were published already, but a gemeente's and a region's
-- reports are theirs: the portal's role reads them only as a statistics reader (which the
-- monitoring services become after checking the person's scope), and only the portal's jobs
-- add them. A report sent to the gemeenteraad does not change: nobody updates or removes one.
ALTER TABLE "QuarterlyReport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY quarterly_report_read ON "QuarterlyReport" FOR SELECT USING (
  doorbraak_setting('statistics') = 'on' OR doorbraak_is_system()
);
CREATE POLICY quarterly_report_add ON "QuarterlyReport" FOR INSERT WITH CHECK (doorbraak_is_system());
REVOKE UPDATE, DELETE, TRUNCATE ON "QuarterlyReport" FROM doorbraak_app;
