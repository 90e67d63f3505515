import type { Role } from "./roles";
import type { TimelineKind } from "./timeline";
import { amsterdamDay, TIME_ZONE } from "./days";

export { amsterdamDay } from "./days";

/**
 * "Wie heeft mijn dossier bekeken?": which events of a case's trail the family
 * sees, in which words, and how they are grouped so that a case opened many
 * times a day reads as one line per person per day.
 */

/** What someone did, in the words the family page uses. */
export type AccessKind = "read" | "documentDownload" | "letterDownload" | "auditRead" | "auditExport" | "taskRead" | "change";

/**
 * An organisation that opened its own task of the decision through its link
 * (decision 037): no account and no role, so the log names the organisation.
 */
export const LINK_HOLDER = "LINK_HOLDER";
export type AccessRole = Role | typeof LINK_HOLDER;

/** Reads of case data, and how the family page words each; every other staff action is a change. */
const readKinds: Record<string, Exclude<AccessKind, "change">> = {
  "case.read": "read",
  "case.readDocument": "documentDownload",
  "case.decisionLetter": "letterDownload",
  "case.partyLetter": "letterDownload",
  "case.openAssignmentLink": "taskRead",
  "audit.read": "auditRead",
  "audit.verify": "auditRead",
  "audit.export": "auditExport",
};

/** The audit actions that are reads: the log groups them, and they alone of the family side are shown. */
export const readActions: readonly string[] = Object.keys(readKinds);

/**
 * The family side (parents, youth, invited professionals and client
 * supporters): their reads are shown too, since a co-parent or an invited
 * professional reads the child's data as much as staff do. Their own changes
 * are not: those are in the timeline, the documents and "Wie doen er mee?".
 */
export const familySideRoles = ["FAMILY", "PROFESSIONAL"] as const satisfies readonly Role[];

export function accessKindOf(action: string): AccessKind {
  return readKinds[action] ?? "change";
}

/** Changes that have a step in the family's timeline, by audit action. */
const changeSteps: Record<string, TimelineKind> = {
  "case.claim": "claimed",
  "case.startLocal": "localStarted",
  "case.requestInfo": "infoRequested",
  "case.withdrawQuestion": "infoWithdrawn",
  "case.refer": "referred",
  "case.propose": "proposed",
  "case.decide": "decided",
  "case.assign": "assigned",
  "case.note": "note",
  "case.setUrgency": "urgencyChanged",
  "case.linkOrganisation": "organisationLinked",
  "case.notifyLeerplicht": "leerplichtNotified",
  "case.unlinkOrganisation": "organisationUnlinked",
  "case.transfer": "transferred",
  "case.declareInadmissible": "notAdmissible",
  "case.close": "closed",
  "case.correctDecision": "decisionCorrected",
  "case.gemeenteMerged": "gemeenteMerged",
};

export type AccessStep = { step: TimelineKind } | { interventionType: string };

/** The new value of one field of an event's (already redacted) changes, when it is a plain string. */
function changedTo(changes: unknown, field: string): string | null {
  if (!changes || typeof changes !== "object") return null;
  const value = (changes as Record<string, { new?: unknown } | undefined>)[field]?.new;
  return typeof value === "string" ? value : null;
}

/** For a change: the step in the family's own timeline words, when there is one. */
export function accessStepOf(action: string, changes: unknown): AccessStep | null {
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

/** Days of the access log are days as the family lives them: in the Netherlands, not in UTC. */
export const ACCESS_LOG_TIME_ZONE = TIME_ZONE;

/** A day cursor from the address ("?bekeken=2026-03-01"): a real calendar date, or null. */
export function parseDayCursor(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/**
 * Events of the trail as the log reads them. `count` is how many events the
 * row stands for: 1 for a single event, more when the database already
 * counted the same person's same reads of one day.
 */
export type AccessOccurrence = {
  /** Position in the case's trail */
  seq: number;
  at: Date;
  count: number;
  actorId: string;
  role: AccessRole;
  kind: AccessKind;
  step: AccessStep | null;
};

export type AccessLine<E extends AccessOccurrence> = E & {
  /** The day in the Netherlands (YYYY-MM-DD) */
  day: string;
};

/**
 * One line per person, role, day and kind of access (and, for a change, per
 * step), newest first. A line carries the fields of its latest occurrence and
 * the sum of the counts.
 */
export function groupAccesses<E extends AccessOccurrence>(occurrences: readonly E[]): AccessLine<E>[] {
  const lines = new Map<string, AccessLine<E>>();
  for (const o of occurrences) {
    const day = amsterdamDay(o.at);
    const key = JSON.stringify([day, o.actorId, o.role, o.kind, o.step]);
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { ...o, day });
      continue;
    }
    const latest = o.seq > line.seq ? o : line;
    lines.set(key, { ...latest, day, count: line.count + o.count });
  }
  return [...lines.values()].sort((a, b) => b.at.getTime() - a.at.getTime() || b.seq - a.seq);
}

/**
 * One page of whole days: the newest days whose lines fit in `pageSize` (the
 * first day always, however long). `complete` tells whether `lines` hold every
 * older line too; if not, there may be more days than the ones given.
 * `nextBefore` is the oldest day shown, the cursor of the next page, or null
 * when nothing older exists.
 */
export function pageOfDays<L extends { day: string }>(
  lines: readonly L[],
  pageSize: number,
  complete: boolean,
): { lines: L[]; nextBefore: string | null } {
  const days: L[][] = [];
  for (const line of lines) {
    const last = days.at(-1);
    if (last && last[0]!.day === line.day) last.push(line);
    else days.push([line]);
  }
  const page: L[] = [];
  let shownDays = 0;
  for (const day of days) {
    if (shownDays > 0 && page.length + day.length > pageSize) break;
    page.push(...day);
    shownDays += 1;
  }
  const more = shownDays < days.length || !complete;
  return { lines: page, nextBefore: more && page.length > 0 ? page.at(-1)!.day : null };
}
