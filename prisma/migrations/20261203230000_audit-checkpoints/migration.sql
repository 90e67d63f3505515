-- ───────────────────────── keyed events ─────────────────────────
-- New events carry an HMAC of their hash, made with a key the portal holds and the
-- database never sees (AUDIT_MAC_KEY, decision 024). Whoever writes to the database
-- without the portal cannot make one, however well they compute the hash.
ALTER TABLE "AuditEvent" ADD COLUMN "mac" TEXT;

-- Events written before had no key. Per chain, the last such event: the verifier
-- accepts an event without a mac only up to here. Only the owner writes this table.
CREATE TABLE "AuditLegacyHead" (
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,

    CONSTRAINT "AuditLegacyHead_pkey" PRIMARY KEY ("chain")
);

INSERT INTO "AuditLegacyHead" ("chain", "seq")
SELECT "chain", max("seq") FROM "AuditEvent" GROUP BY "chain";

-- ───────────────────────── signed checkpoints ─────────────────────────
-- `npm run audit:checkpoint` (as the owner, with a private key the portal never holds)
-- signs every chain's head. The portal's role may not read or write them at all.
CREATE TABLE "AuditCheckpoint" (
    "seq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "heads" JSONB NOT NULL,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("seq")
);

CREATE UNIQUE INDEX "AuditCheckpoint_hash_key" ON "AuditCheckpoint"("hash");

CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit checkpoints are append-only: % on "AuditCheckpoint" is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_checkpoint_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE TRIGGER audit_checkpoint_no_truncate
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();

-- Default privileges gave both new tables to the portal's role: take that back.
REVOKE ALL ON "AuditCheckpoint" FROM doorbraak_app;
REVOKE ALL ON "AuditLegacyHead" FROM doorbraak_app;
-- The ombudsman's check in the portal needs to know where keyed events begin.
GRANT SELECT ON "AuditLegacyHead" TO doorbraak_app;
-- No policy: nobody but the owner reaches a checkpoint, whatever a transaction says it is.
ALTER TABLE "AuditCheckpoint" ENABLE ROW LEVEL SECURITY;

-- ───────────────────────── chain heads ─────────────────────────
-- A chain's head is reachable like its events: a case's chain through the case (reads
-- are audited, so whoever may read a case moves its head), a person's chain by that
-- person, and the global chain by the portal's jobs. Heads are never removed.
CREATE FUNCTION doorbraak_reaches_chain(chain text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT doorbraak_is_system()
    OR (doorbraak_user() IS NOT NULL AND chain = 'actor:' || doorbraak_user())
    OR (chain LIKE 'case:%' AND doorbraak_may_reach_case(substr(chain, 6), false))
$$;
REVOKE ALL ON FUNCTION doorbraak_reaches_chain(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorbraak_reaches_chain(text) TO doorbraak_app;

REVOKE DELETE, TRUNCATE ON "AuditChainHead" FROM doorbraak_app;
ALTER TABLE "AuditChainHead" ENABLE ROW LEVEL SECURITY;
CREATE POLICY chain_head_read ON "AuditChainHead" FOR SELECT USING (doorbraak_reads_all() OR doorbraak_reaches_chain(chain));
CREATE POLICY chain_head_add ON "AuditChainHead" FOR INSERT WITH CHECK (doorbraak_reaches_chain(chain));
CREATE POLICY chain_head_move ON "AuditChainHead" FOR UPDATE
  USING (doorbraak_reaches_chain(chain)) WITH CHECK (doorbraak_reaches_chain(chain));

ALTER TABLE "AuditLegacyHead" ENABLE ROW LEVEL SECURITY;
CREATE POLICY legacy_head_read ON "AuditLegacyHead" FOR SELECT USING (doorbraak_reads_all() OR doorbraak_reaches_chain(chain));

-- ───────────────────────── people ─────────────────────────
-- Sign-in reads accounts and memberships before anyone acts, and names of colleagues
-- appear everywhere, so reading stays open (decision 016). Changing needs someone to
-- act: a visitor makes an account (registration, a staff invitation), a person changes
-- their own account, the portal's jobs anything. Memberships are changed by whoever
-- manages their gemeente or region (doorbraak.manage_gemeenten / manage_regions, from
-- the permission table); a person adds their own when accepting an invitation, and a
-- visitor who registers gets the family role, which reaches no gemeente or region.
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_read ON "User" FOR SELECT USING (true);
CREATE POLICY user_add ON "User" FOR INSERT WITH CHECK (doorbraak_is_system() OR doorbraak_setting('visitor') = 'on');
CREATE POLICY user_change ON "User" FOR UPDATE
  USING (doorbraak_is_system() OR id = doorbraak_user()) WITH CHECK (doorbraak_is_system() OR id = doorbraak_user());
CREATE POLICY user_remove ON "User" FOR DELETE USING (doorbraak_is_system());

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON "Membership" FOR SELECT USING (true);
CREATE FUNCTION doorbraak_manages_staff(gemeente_id text, region_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT doorbraak_is_system()
    OR gemeente_id = ANY (doorbraak_ids('manage_gemeenten'))
    OR region_id = ANY (doorbraak_ids('manage_regions'))
$$;
CREATE POLICY membership_add ON "Membership" FOR INSERT WITH CHECK (
  doorbraak_manages_staff("gemeenteId", "regionId")
  OR "userId" = doorbraak_user()
  OR (doorbraak_setting('visitor') = 'on' AND "role" = 'FAMILY' AND "gemeenteId" IS NULL AND "regionId" IS NULL)
);
CREATE POLICY membership_change ON "Membership" FOR UPDATE
  USING (doorbraak_manages_staff("gemeenteId", "regionId")) WITH CHECK (doorbraak_manages_staff("gemeenteId", "regionId"));
CREATE POLICY membership_remove ON "Membership" FOR DELETE USING (doorbraak_manages_staff("gemeenteId", "regionId"));
