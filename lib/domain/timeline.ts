import type { interventionTypes } from "./inputs";

/**
 * What a timeline entry can record. The UI renders each from the message
 * catalogs (`timeline.<kind>`), for the family and for staff.
 */
export const timelineKinds = [
  "filed",
  "claimed",
  "localStarted",
  "infoRequested",
  "infoProvided",
  /** Staff took their question back, or it lapsed when the case was referred */
  "infoWithdrawn",
  "referred",
  "proposed",
  "decided",
  "withdrawn",
  "documentAdded",
  "partyJoined",
  "assigned",
  "note",
  /** Staff changed how urgent the case is */
  "urgencyChanged",
  /** The gemeente's leerplicht contact was told of the case, with the family's consent (decision 038) */
  "leerplichtNotified",
  /** Staff named an organisation in the case, or took it off */
  "organisationLinked",
  "organisationUnlinked",
  "transferred",
  "notAdmissible",
  "closed",
  "overdue",
  "escalated",
  /** Following the decision through: an assignment done or ended by staff, reported as not done by the family, past its date */
  "assignmentDone",
  "assignmentEnded",
  "assignmentReported",
  "assignmentOverdue",
  /** An organisation, through the link to its own assignment: the task arrived, it is done, it cannot be done as asked (decision 037) */
  "organisationReceived",
  "organisationDone",
  "organisationProblem",
  /** A decision holder corrected the decision: a new decision supersedes the last one */
  "decisionCorrected",
  /** The gemeente does not work with the portal yet: the case went to the region's expert team, or to the national fallback */
  "routedToRegion",
  "routedToFallback",
  /** The gemeente works with the portal now: its aanspreekpunt takes the case on */
  "routedToGemeente",
  /** The case's gemeente merged into another on 1 January; the case goes on there (decision 019) */
  "gemeenteMerged",
  /** The assignee lost their role in the gemeente: the case is back in the queue, not taken up */
  "returnedToQueue",
  /** The assignee lost their role in the gemeente: a colleague the admin picked has the case now */
  "handedOver",
] as const;

export type TimelineKind = (typeof timelineKinds)[number];
type InterventionType = (typeof interventionTypes)[number];

/** An intervention's entry carries its type, e.g. "intervention.CASE_CONFERENCE". */
export type InterventionKind = `intervention.${InterventionType}`;

export function interventionKind(type: InterventionType): InterventionKind {
  return `intervention.${type}`;
}

/** Reads a stored kind: a known step, an intervention with its type, or neither (an entry of a newer version). */
export function readTimelineKind(kind: string): { step: TimelineKind } | { interventionType: string } | null {
  if ((timelineKinds as readonly string[]).includes(kind)) return { step: kind as TimelineKind };
  if (kind.startsWith("intervention.")) return { interventionType: kind.slice("intervention.".length) };
  return null;
}
