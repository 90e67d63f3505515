import "server-only";
import { createHash } from "node:crypto";
import { actorRoles, type Actor } from "@/lib/auth/actor";
import { may } from "@/lib/domain/permissions";
import { isIsoDate, type CurrentReference } from "@/lib/domain/reference-update";
import type { Tx } from "@/lib/db/client";
import { DomainError, ForbiddenError } from "@/lib/server/errors";

/** An uploaded CBS list: its bytes as they arrived, its name, and the day it holds from. */
export type ReferenceFile = { fileName: string; bytes: Uint8Array; validFrom: string };

/** Only a platform admin updates the reference data; the check reads the permission table. */
export function assertMayUpdateReference(actor: Actor): void {
  if (!may(actorRoles(actor), "platform.updateReference")) throw new ForbiddenError();
}

export function checkValidFrom(validFrom: string): void {
  if (!isIsoDate(validFrom)) throw new DomainError("checkFields", { validFrom: "invalidDate" });
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The gemeenten (ended ones too, with their successor) and regions by CBS code, for comparing a list with. */
export async function loadCurrentReference(tx: Tx): Promise<CurrentReference> {
  const [gemeenten, regions] = await Promise.all([
    tx.gemeente.findMany({
      orderBy: { cbsCode: "asc" },
      select: { cbsCode: true, name: true, endedOn: true, region: { select: { code: true } }, successor: { select: { cbsCode: true } } },
    }),
    tx.region.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
  ]);
  return {
    gemeenten: gemeenten.map((g) => ({
      code: g.cbsCode,
      name: g.name,
      regionCode: g.region?.code ?? null,
      endedOn: g.endedOn ? g.endedOn.toISOString().slice(0, 10) : null,
      successorCode: g.successor?.cbsCode ?? null,
    })),
    regions,
  };
}

/** Per gemeente that takes others in: the open cases and the staff memberships that move to it. */
export type MergerCounts = Record<string, { openCases: number; staff: number }>;

/** Counts across every gemeente, so the transaction must reach every case (asSystem). */
export async function countMergerMoves(tx: Tx, merged: readonly { code: string; predecessors: readonly { code: string }[] }[]): Promise<MergerCounts> {
  const counts: MergerCounts = {};
  for (const m of merged) {
    const gemeente = { cbsCode: { in: m.predecessors.map((p) => p.code) } };
    const [openCases, staff] = await Promise.all([
      tx.case.count({ where: { gemeente, closedAt: null } }),
      tx.membership.count({ where: { gemeente } }),
    ]);
    counts[m.code] = { openCases, staff };
  }
  return counts;
}
