-- CreateTable
CREATE TABLE "FigureSet" (
    "scopeKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "factsUpTo" TIMESTAMP(3),
    "computedAt" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,

    CONSTRAINT "FigureSet_pkey" PRIMARY KEY ("scopeKey","year")
);

-- CreateTable
CREATE TABLE "StatisticsPolicy" (
    "id" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "StatisticsPolicy_pkey" PRIMARY KEY ("id")
);

-- The published figures hold no personal data, but a gemeente's and a region's own sets are
-- theirs: the portal's role reads them only as a statistics reader (which the monitoring
-- services become after checking the person's scope), and only the portal's jobs write them.
ALTER TABLE "FigureSet" ENABLE ROW LEVEL SECURITY;
CREATE POLICY figure_set_read ON "FigureSet" FOR SELECT USING (
  doorbraak_setting('statistics') = 'on' OR doorbraak_is_system()
);
CREATE POLICY figure_set_add ON "FigureSet" FOR INSERT WITH CHECK (doorbraak_is_system());
CREATE POLICY figure_set_change ON "FigureSet" FOR UPDATE USING (doorbraak_is_system()) WITH CHECK (doorbraak_is_system());
CREATE POLICY figure_set_remove ON "FigureSet" FOR DELETE USING (doorbraak_is_system());
