-- Indexes for the queues at national scale (decision 018).
--
-- A queue page lists open cases of one gemeente or region, in deadline order
-- or newest first, 26 rows at a time. Under row-level security PostgreSQL will
-- not use "status" (an enum, whose operators are not leakproof) as an index
-- condition ahead of the policies, so an index that starts with the status
-- does not help. These partial indexes hold only the open cases, in the order
-- a page reads them: the scan stops after the page's rows. They are written
-- here and not in schema.prisma, where partial indexes are a preview feature;
-- the migration engine leaves them alone.

-- CreateIndex
CREATE INDEX "Case_open_gemeente_deadline_idx" ON "Case"("gemeenteId", "deadlineAt", "id") WHERE (status <> 'CLOSED');

-- CreateIndex
CREATE INDEX "Case_open_gemeente_created_idx" ON "Case"("gemeenteId", "createdAt", "id") WHERE (status <> 'CLOSED');

-- CreateIndex
CREATE INDEX "Case_open_region_deadline_idx" ON "Case"("regionId", "deadlineAt", "id") WHERE (status <> 'CLOSED');

-- CreateIndex
CREATE INDEX "Case_gemeenteId_number_idx" ON "Case"("gemeenteId", "number");

-- CreateIndex
CREATE INDEX "Case_regionId_number_idx" ON "Case"("regionId", "number");
