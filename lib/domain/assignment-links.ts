/**
 * The link by which an organisation acts on its own assignment of a decision
 * without an account (decision 037). Pure rules: how long it works, what state
 * it is in, what the organisation may report and when.
 */

/** A link works at least this long after it is sent ... */
export const linkMinimumDays = 30;
/** ... and until this long after the assignment's due day, so that a late "done" can still be reported. */
export const linkDaysAfterDue = 60;

const dayMs = 24 * 60 * 60 * 1000;

/** When a link sent at `now` for an assignment due on `dueOn` stops working: whichever of the two comes later. */
export function linkExpiresAt(now: Date, dueOn: Date): Date {
  return new Date(Math.max(now.getTime() + linkMinimumDays * dayMs, dueOn.getTime() + linkDaysAfterDue * dayMs));
}

export type LinkFacts = { expiresAt: Date; revokedAt: Date | null };
export type LinkState = "open" | "revoked" | "expired";

/** Revoked wins over expired: it says what someone did. */
export function linkState(link: LinkFacts, now: Date): LinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/** What an organisation reports through its link. */
export const organisationReportKinds = ["RECEIVED", "DONE", "PROBLEM"] as const;
export type OrganisationReportKind = (typeof organisationReportKinds)[number];

/**
 * Whether an organisation may still report `kind` on an assignment in `status`.
 * Nothing once the case is closed. Receipt is confirmed once. "Done" and "a
 * problem" are for an open assignment: once it is done or ended, the gemeente
 * has settled it and a report would change nothing.
 */
export function mayReport(
  kind: OrganisationReportKind,
  assignment: { status: string; receivedAt: Date | null },
  caseClosed: boolean,
): boolean {
  if (caseClosed) return false;
  if (kind === "RECEIVED") return assignment.receivedAt === null;
  return assignment.status === "OPEN";
}

export function assignmentLinkPath(token: string): string {
  return `/opdracht/${token}`;
}
