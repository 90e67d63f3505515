-- Indexes for the queues at national scale (decision 018).
--
-- A queue page lists open cases of one gemeente or region, in deadline order
-- or newest first, 26 rows at a time. Under row-level security PostgreSQL will
-- not use "status" (an enum, whose operators are not leakproof) as an index
-- condition ahead of the policies, and a parameter cast to the enum cannot
-- prove a partial index's predicate either. So "open" is "closedAt" IS NULL,
-- which the constraint below makes the same thing as a status other than
-- CLOSED, and the partial indexes hold only the open cases, in the order a page
-- reads them: the scan stops after the page's rows. They are written here and
-- not in schema.prisma, where partial indexes are a preview feature; the
-- migration engine leaves them alone.

-- A case is closed exactly when it has a closing date.
ALTER TABLE "Case" ADD CONSTRAINT "Case_closed_when_closedAt"
  CHECK ((status = 'CLOSED') = ("closedAt" IS NOT NULL));

-- CreateIndex
CREATE INDEX "Case_open_gemeente_deadline_idx" ON "Case"("gemeenteId", "deadlineAt", "id") WHERE "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Case_open_gemeente_created_idx" ON "Case"("gemeenteId", "createdAt", "id") WHERE "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Case_gemeenteId_number_idx" ON "Case"("gemeenteId", "number");

-- CreateIndex
CREATE INDEX "Case_regionId_number_idx" ON "Case"("regionId", "number");
