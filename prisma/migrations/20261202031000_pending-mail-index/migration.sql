-- The mail that is due, for the outbox worker (decision 018). Its query tests
-- the enum status, which under row-level security cannot be an index
-- condition, so the index on (status, nextAttemptAt) was read whole: 800,000
-- sent messages at national scale, after every change. This partial index
-- holds only the waiting messages, in the order the worker takes them.
CREATE INDEX "OutboxMessage_pending_idx" ON "OutboxMessage"("nextAttemptAt", "createdAt") WHERE status = 'PENDING';
