import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { findScopedCase } from "@/lib/db/scope";
import { staffRoles, type Role } from "@/lib/domain/roles";
import type { TimelineKind } from "@/lib/domain/timeline";
import { NotFoundError } from "@/lib/server/errors";

/** How many entries one page of the access log shows. */
export const ACCESS_LOG_PAGE_SIZE = 20;

/** What a staff member did, in the words the family page uses. */
export type AccessKind = "read" | "documentDownload" | "letterDownload" | "auditRead" | "auditExport" | "change";

/** Who it was, as the family sees it: a role and an organisation, and a name only when the gemeente allows it. */
export type AccessEntry = {
  /** Position in the case's trail: the key of the entry and the cursor of the next page */
  seq: number;
  at: Date;
  role: Role;
  /** The gemeente's name for gemeente staff, the region's for the expert team, null for national roles */
  organisation: string | null;
  name: string | null;
  kind: AccessKind;
  /** For a change: the step in the family's own timeline words, when there is one */
  step: { step: TimelineKind } | { interventionType: string } | null;
};

export type AccessLog = {
  entries: AccessEntry[];
  /** The cursor for "meer tonen", or null when these are the oldest */
  nextBefore: number | null;
  /** Whether the case's gemeente shows staff names to families */
  namesShown: boolean;
  gemeente: string;
};

/** Reads of case data, and how the family page words each; every other staff action is a change. */
const readKinds: Record<string, AccessKind> = {
  "case.read": "read",
  "case.readDocument": "documentDownload",
  "case.decisionLetter": "letterDownload",
  "audit.read": "auditRead",
  "audit.verify": "auditRead",
  "audit.export": "auditExport",
};

/** Changes that have a step in the family's timeline, by audit action. */
const changeSteps: Record<string, TimelineKind> = {
  "case.claim": "claimed",
  "case.startLocal": "localStarted",
  "case.requestInfo": "infoRequested",
  "case.refer": "referred",
  "case.propose": "proposed",
  "case.decide": "decided",
  "case.assign": "assigned",
  "case.note": "note",
  "case.transfer": "transferred",
  "case.declareInadmissible": "notAdmissible",
  "case.close": "closed",
  "case.correctDecision": "decisionCorrected",
  "case.gemeenteMerged": "gemeenteMerged",
};

/** The new value of one field of an event's (already redacted) changes, when it is a plain string. */
function changedTo(changes: unknown, field: string): string | null {
  if (!changes || typeof changes !== "object") return null;
  const value = (changes as Record<string, { new?: unknown } | undefined>)[field]?.new;
  return typeof value === "string" ? value : null;
}

function stepOf(action: string, changes: unknown): AccessEntry["step"] {
  const step = changeSteps[action];
  if (step) return { step };
  if (action === "case.logIntervention") {
    const type = changedTo(changes, "type");
    return type ? { interventionType: type } : null;
  }
  if (action === "case.settleAssignment") {
    const outcome = changedTo(changes, "assignmentStatus");
    return outcome === "DONE" ? { step: "assignmentDone" } : outcome === "ENDED" ? { step: "assignmentEnded" } : null;
  }
  return null;
}

function isStaffRole(role: Role | null): role is Role {
  return role !== null && staffRoles.includes(role);
}

/**
 * "Wie heeft mijn dossier bekeken?": every time staff opened or changed the
 * case, newest first, one page at a time (keyset on the trail's seq). Only
 * people on the family side of the case may read it; anyone else gets "not
 * found". Events of the family side and of the system are left out, and
 * nothing of the request (IP, browser, request id) or any internal id leaves
 * this function. A staff member's name is shown only when the gemeente of the
 * event chose so: a transferred case's earlier gemeente decides for its own staff.
 */
export async function readAccessLog(
  actor: Actor,
  number: string,
  { before = null, limit = ACCESS_LOG_PAGE_SIZE }: { before?: number | null; limit?: number } = {},
): Promise<AccessLog> {
  const { case: found } = await asActor(actor, (tx) => findScopedCase(tx, actor, "case.follow", { number }));
  if (found.purgedAt) throw new NotFoundError();
  const pageSize = Math.min(Math.max(1, Math.trunc(limit)), 100);
  // Served by the (caseId, occurredAt) index, read backwards; within one case's chain seq grows with time.
  const events = await asActor(actor, (tx) => tx.auditEvent.findMany({
    where: {
      caseId: found.id,
      actorId: { not: null },
      actorRole: { in: [...staffRoles] },
      outcome: "SUCCESS",
      ...(before !== null && Number.isSafeInteger(before) ? { seq: { lt: before } } : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { seq: "desc" }],
    take: pageSize + 1,
    select: { seq: true, occurredAt: true, action: true, actorName: true, actorRole: true, gemeenteId: true, changes: true },
  }));
  const page = events.slice(0, pageSize);

  const gemeenteIds = [...new Set([found.gemeenteId, ...page.flatMap((e) => (e.gemeenteId ? [e.gemeenteId] : []))])];
  const [gemeenten, region] = await Promise.all([
    prisma.gemeente.findMany({
      where: { id: { in: gemeenteIds } },
      select: { id: true, name: true, commonName: true, familySeesStaffNames: true, region: { select: { name: true } } },
    }),
    found.regionId ? prisma.region.findUnique({ where: { id: found.regionId }, select: { name: true } }) : null,
  ]);
  const byId = new Map(gemeenten.map((g) => [g.id, g]));
  const own = byId.get(found.gemeenteId);
  // Experts see a case only once it was referred to the case's region: that region's team it was.
  const expertTeam = region?.name ?? own?.region?.name ?? null;

  const entries = page.flatMap((event): AccessEntry[] => {
    if (!isStaffRole(event.actorRole)) return [];
    const gemeente = event.gemeenteId ? byId.get(event.gemeenteId) : own;
    const organisation =
      event.actorRole === "EXPERT"
        ? expertTeam
        : event.actorRole === "OMBUDSMAN" || event.actorRole === "PLATFORM_ADMIN"
          ? null
          : gemeente
            ? (gemeente.commonName ?? gemeente.name)
            : null;
    const kind = readKinds[event.action] ?? "change";
    return [
      {
        seq: event.seq,
        at: event.occurredAt,
        role: event.actorRole,
        organisation,
        name: gemeente?.familySeesStaffNames ? event.actorName : null,
        kind,
        step: kind === "change" ? stepOf(event.action, event.changes) : null,
      },
    ];
  });
  return {
    entries,
    nextBefore: events.length > pageSize ? (page.at(-1)?.seq ?? null) : null,
    namesShown: own?.familySeesStaffNames ?? false,
    gemeente: own ? (own.commonName ?? own.name) : "",
  };
}
