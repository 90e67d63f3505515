import { auditHash, hashedFieldsOf, inItsChain, macMatches, type StoredAuditEvent } from "./audit";

/**
 * Verifying an audit chain: the events of one chain, read in order of `seq`,
 * must number 1, 2, 3… without gaps, each must hash to its stored hash, each
 * must name the hash of the one before, and the last must be the chain's head.
 * Every event after the chain's legacy part must carry the portal's mac, and the
 * event a signed checkpoint holds must still have the hash it signed (decision 024).
 * Pure: the caller reads the events, in batches if the chain is long.
 */

export type ChainBreakKind =
  /** An event's fields no longer give its hash: something in it was changed */
  | "altered"
  /** Numbers are missing before this event: events were removed */
  | "removed"
  /** This event does not point at the one before it: it was inserted, or its predecessor replaced */
  | "relinked"
  /** The chain ends elsewhere than its recorded head: events were removed at the end, or added after it */
  | "head"
  /** The event lacks the portal's mac, or has a wrong one: it was added or re-hashed outside the portal */
  | "forged"
  /** The event a signed checkpoint holds has another hash now, or is gone: the chain was rewritten */
  | "checkpoint";

export type ChainBreak = {
  chain: string;
  /** The event at which the chain breaks; for "head", the chain's last event (0 when none is left) */
  seq: number;
  kind: ChainBreakKind;
  /** The case the chain belongs to, as far as the events still say */
  caseNumber: string | null;
};

export type ChainHead = { seq: number; hash: string };

/** What the verifier trusts besides the chain itself. */
export type ChainTrust = {
  /** AUDIT_MAC_KEY */
  macKey: Uint8Array;
  /** The chain's last event written before macs (AuditLegacyHead); 0 when none */
  legacySeq: number;
  /** The chain's head as the newest valid checkpoint signed it; null when none covers the chain */
  signed: ChainHead | null;
};

export type ChainVerifier = {
  /** The next event of the chain, in order of seq. */
  push(event: StoredAuditEvent): void;
  /** The first break in the chain, or null when it is whole. */
  finish(): ChainBreak | null;
  /** How many events were checked. */
  readonly count: number;
};

/** A verifier for one chain; `head` is the chain's recorded head, null when none was recorded. */
export function chainVerifier(chain: string, head: ChainHead | null, trust: ChainTrust): ChainVerifier {
  const { macKey, legacySeq, signed } = trust;
  let previous: { seq: number; hash: string } | null = null;
  let broken: ChainBreak | null = null;
  let caseNumber: string | null = null;
  let count = 0;
  const fail = (seq: number, kind: ChainBreakKind) => {
    broken ??= { chain, seq, kind, caseNumber };
  };
  return {
    push(event) {
      count += 1;
      caseNumber ??= event.caseNumber;
      if (broken) return;
      const expectedSeq = (previous?.seq ?? 0) + 1;
      if (event.chain !== chain || !inItsChain(event) || auditHash(hashedFieldsOf(event)) !== event.hash) {
        fail(event.seq, "altered");
      } else if (event.seq > legacySeq && !macMatches(event.hash, event.mac, macKey)) {
        fail(event.seq, "forged");
      } else if (event.seq !== expectedSeq) {
        fail(event.seq, "removed");
      } else if (event.prevHash !== (previous?.hash ?? null)) {
        fail(event.seq, "relinked");
      } else if (signed && event.seq === signed.seq && event.hash !== signed.hash) {
        fail(event.seq, "checkpoint");
      }
      previous = { seq: event.seq, hash: event.hash };
    },
    finish() {
      if (!broken && signed && signed.seq > 0 && (previous?.seq ?? 0) < signed.seq) fail(previous?.seq ?? 0, "checkpoint");
      if (!broken && (head === null ? previous !== null : previous?.seq !== head.seq || previous.hash !== head.hash)) {
        fail(previous?.seq ?? 0, "head");
      }
      if (broken) broken.caseNumber ??= caseNumber;
      return broken;
    },
    get count() {
      return count;
    },
  };
}
