-- Events written so far have a hash over fewer fields (version 1); new events cover every stored field.
ALTER TABLE "AuditEvent" ADD COLUMN     "hashVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "AuditEvent" ALTER COLUMN "hashVersion" SET DEFAULT 2;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "purgedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Gemeente" ADD COLUMN     "familySeesStaffNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retentionMonths" INTEGER;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateIndex
CREATE INDEX "Case_status_purgedAt_closedAt_idx" ON "Case"("status", "purgedAt", "closedAt");

-- The head of every existing chain: its last event.
INSERT INTO "AuditChainHead" ("chain", "seq", "hash")
SELECT DISTINCT ON ("chain") "chain", "seq", "hash" FROM "AuditEvent" ORDER BY "chain", "seq" DESC;

-- Audit events are append-only: the database refuses to change or remove them,
-- whoever asks. Only a superuser who switches triggers off (session_replication_role)
-- gets past this, and the hash chain then shows what was done.
CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % on "AuditEvent" is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
