/**
 * The life of one case, played forward in time as the portal's services and
 * jobs would have written it: every step changes the case row, adds a
 * timeline entry and an audit event (lib/server/cases/transition.ts), staff
 * open the case before and between their steps (each read an audit event),
 * the overdue scan raises cases past their deadline every 15 minutes, and the
 * retention job empties closed cases whose period has passed. A life stops at
 * "now": what has not happened by then is the case's open state.
 */
import { canonicalJson, REDACTED, redactChanges, type Changes } from "@/lib/domain/audit";
import { caseStatuses, type CaseStatus } from "@/lib/domain/case-machine";
import { consentGiver } from "@/lib/domain/consent";
import type { Norms } from "@/lib/domain/deadlines";
import { impasseOf, outcomeOf, refinedImpasse } from "./causes";
import type { CaseOutcomeKey, CauseKey, OrganisationKindKey } from "@/lib/domain/causes";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { interventionTypes } from "@/lib/domain/inputs";
import { statusHistory, stepDurations, type StatusEntry, type StepDurations } from "@/lib/domain/monitoring";
import type { Role } from "@/lib/domain/roles";
import { interventionKind, type TimelineKind } from "@/lib/domain/timeline";
import { SUPERSEDED_NOTE } from "@/lib/server/cases/correct-decision";
import { staffMailTemplate, type CaseNoticeKind } from "@/lib/server/notifications/staff";
import { inadmissibleClosingNote } from "@/lib/server/cases/declare-inadmissible";
import {
  DAY,
  MINUTE,
  dayOf,
  deadlineAfter,
  expertEscalationTime,
  nextQuarterHour,
  officeHours,
  overdueFrom,
  purgeTime,
  remainingDays,
  resumedDeadline,
  workingDaysFromTo,
} from "./calendar";
import type { Random } from "./random";
import * as words from "./vocabulary";

export type Person = {
  id: string;
  name: string;
  email: string;
  organisation: string | null;
  role: Role;
  ip: string;
  userAgent: string;
};

export type Place = {
  id: string;
  cbsCode: string;
  regionId: string | null;
  regionCode: string | null;
  norms: Norms;
  retentionMonths: number;
  aanspreekpunten: Person[];
  /** How often each aanspreekpunt takes a new case (the named bench account more than others) */
  apWeights: number[];
  decisionHolders: Person[];
  admins: Person[];
};

export type World = {
  now: number;
  experts: Map<string, Person[]>;
  ombudsmen: Person[];
  /** A gemeente to transfer a case to, other than `from` */
  transferTarget(from: Place, r: Random): Place;
};

export type AuditRecord = {
  at: number;
  action: string;
  outcome: "SUCCESS" | "DENIED";
  actor: Person | null;
  role: Role | null;
  gemeenteId: string | null;
  changes: Changes | null;
  requestId: string | null;
};

export type TimelineRecord = {
  id: string;
  at: number;
  kind: string;
  body: string | null;
  visible: boolean;
  actorId: string | null;
  actorRole: Role | null;
};


export type NotificationRecord = { id: string; userId: string; gemeenteId: string; kind: string; at: number };
export type OutboxRecord = { id: string; gemeenteId: string; recipient: string; template: string; at: number };

export type AssignmentRecord = {
  id: string;
  decisionId: string;
  party: string;
  description: string;
  payer: string;
  dueDay: string;
  status: "OPEN" | "DONE" | "ENDED";
  statusNote: string | null;
  statusAt: number | null;
  statusById: string | null;
  overdueAt: number | null;
  escalationLevel: number;
  at: number;
};

export type CaseFacts = {
  urgency: "NORMAL" | "HIGH" | "CRISIS";
  domains: string[];
  childName: string;
  childBirthDay: string;
  residenceRule: "OWN_ADDRESS" | "BEFORE_CARE" | "MOTHER_AT_BIRTH";
  consentGivenBy: "PARENT" | "YOUTH";
  stuckDescription: string;
  triedDescription: string;
  needDescription: string;
  stuckSince: string | null;
  schoolSituation: "ATTENDING" | "PARTLY" | "NONE" | "NOT_APPLICABLE";
  outOfSchoolSince: string | null;
  refusedBy: string | null;
  risks: string | null;
  submissionId: string;
  partyRole: "PARENT" | "YOUTH";
};

/** How a case goes; drawn at filing, played until it is done or "now" comes. */
export type Plan = {
  route: "local" | "expert" | "direct" | "inadmissible" | "withdrawn";
  /** The step in which the family withdraws (route "withdrawn") */
  withdrawIn: CaseStatus | null;
  transferIn: "SUBMITTED" | "TRIAGE" | null;
  startLocalFirst: boolean;
  infoRounds: number;
  notes: number;
  reassign: boolean;
  interventions: number;
  assignments: number;
  correction: boolean;
  reports: number;
  ombudsman: boolean;
  /** Reads by staff per day of waiting, on top of the reads before each step */
  readRate: number;
};

class Stop extends Error {}

/** stepDurations of lib/domain/monitoring.ts with the working days counted from a table. */
function quickStepDurations(history: readonly StatusEntry[], closedAt: number): StepDurations {
  const totals = new Map<CaseStatus, number>();
  history.forEach((entry, i) => {
    if (entry.status === "CLOSED") return;
    const leftAt = history[i + 1]?.at.getTime() ?? closedAt;
    totals.set(entry.status, (totals.get(entry.status) ?? 0) + workingDaysFromTo(entry.at.getTime(), leftAt));
  });
  const steps = caseStatuses.flatMap((status) => {
    const workingDays = totals.get(status);
    return workingDays === undefined ? [] : [{ status, workingDays }];
  });
  const first = history[0];
  return { steps, total: first ? workingDaysFromTo(first.at.getTime(), closedAt) : 0 };
}

const isoOf = (ms: number) => new Date(ms).toISOString();
const dayStringOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export class CaseSim {
  // The case row
  status: CaseStatus = "SUBMITTED";
  result: string | null = null;
  deadlineAt: number | null = null;
  overdueAt: number | null = null;
  escalationLevel = 0;
  assignee: Person | null = null;
  version = 0;
  closingNote: string | null = null;
  closedAt: number | null = null;
  purgedAt: number | null = null;
  updatedAt: number;
  transferCount = 0;
  place: Place;
  regionId: string | null;

  // The rows that hang off it
  timeline: TimelineRecord[] = [];
  audits: AuditRecord[] = [];
  referrals: {
    id: string;
    regionId: string;
    question: string;
    causes: CauseKey[];
    organisationKinds: OrganisationKindKey[];
    referredById: string;
    at: number;
  }[] = [];
  infoRequests: {
    id: string;
    question: string;
    askedById: string;
    at: number;
    resumeStatus: CaseStatus;
    remaining: number | null;
    answer: string | null;
    answeredById: string | null;
    answeredAt: number | null;
  }[] = [];
  interventions: {
    id: string;
    type: (typeof interventionTypes)[number];
    occurredOn: string;
    participants: string;
    familyInvolved: boolean;
    childInvolved: boolean;
    involvementNote: string | null;
    outcome: string;
    nextStep: string | null;
    internalNote: string | null;
    loggedById: string;
    at: number;
  }[] = [];
  proposals: { id: string; proposal: string; rationale: string; proposedById: string; at: number }[] = [];
  decisions: { id: string; proposalId: string; legalBasis: string; rationale: string; decidedById: string; supersedesId: string | null; at: number }[] = [];
  assignments: AssignmentRecord[] = [];
  reports: { id: string; assignmentId: string; note: string; reportedById: string; at: number }[] = [];
  transfers: { id: string; fromGemeenteId: string; toGemeenteId: string; reason: string; transferredById: string; at: number }[] = [];
  evaluation: {
    id: string;
    blockers: string[];
    organisationKinds: string[];
    outcome: CaseOutcomeKey;
    helpStartedOn: string | null;
    helpStartSource: "STAFF" | "FAMILY_CONFIRMED" | "FAMILY_CORRECTED" | null;
    helpStartConfirmedAt: number | null;
    blockedNote: string | null;
    breakthroughNote: string;
    stepDurations: StepDurations;
    createdById: string;
    at: number;
  } | null = null;
  notifications: NotificationRecord[] = [];
  outbox: OutboxRecord[] = [];
  purgeCounts: Record<string, number> | null = null;

  /** Time of the case's clock: the moment of the last thing that happened */
  private t: number;
  private last = 0;

  constructor(
    private readonly r: Random,
    private readonly world: World,
    readonly id: string,
    readonly number: string,
    readonly createdAt: number,
    readonly filer: Person,
    readonly facts: CaseFacts,
    origin: Place,
  ) {
    this.place = origin;
    this.regionId = origin.regionId;
    this.t = createdAt;
    this.updatedAt = createdAt;
  }

  get gemeenteId(): string {
    return this.place.id;
  }

  // ───────────────────────── time ─────────────────────────

  /** A moment `ms` after the last one, in office hours; stops the life when it lies after now. */
  private staffTime(ms: number): number {
    const at = officeHours(Math.max(this.t + ms, this.last + 1000), () => this.r.next());
    if (at > this.world.now) throw new Stop();
    this.t = at;
    return at;
  }

  /** A family acts at any hour of the day. */
  private familyTime(ms: number): number {
    const at = Math.floor(Math.max(this.t + ms, this.last + 1000));
    if (at > this.world.now) throw new Stop();
    this.t = at;
    return at;
  }

  /** Everything the jobs did up to `at`, then `at` itself as the time of the next event. */
  private moment(at: number): number {
    this.scanUntil(at);
    const when = Math.max(at, this.last + 1);
    this.last = when;
    return when;
  }

  /**
   * Time passes: staff look at the case now and then (about `rate` reads a
   * day, spread over `readers`) while it waits. Stops the life when the wait
   * reaches past now.
   */
  private idle(ms: number, readers: readonly Person[], rate: number): void {
    const end = this.t + ms;
    const limit = Math.min(end, this.world.now);
    const days = (limit - this.t) / DAY;
    if (readers.length > 0 && days > 0) {
      const expected = days * rate;
      const count = Math.floor(expected) + (this.r.chance(expected - Math.floor(expected)) ? 1 : 0);
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(officeHours(this.t + this.r.next() * (limit - this.t), () => this.r.next()));
      times.sort((a, b) => a - b);
      for (const at of times) {
        if (at > limit) break;
        this.read(this.r.pick(readers), at);
      }
    }
    if (end > this.world.now) {
      this.scanUntil(this.world.now);
      throw new Stop();
    }
    this.t = Math.max(this.t, end);
  }

  // ───────────────────────── records ─────────────────────────

  private audit(at: number, action: string, actor: Person | null, role: Role | null, changes: Changes | null, outcome: "SUCCESS" | "DENIED" = "SUCCESS"): void {
    this.audits.push({
      at,
      action,
      outcome,
      actor,
      role,
      gemeenteId: this.gemeenteId,
      changes: changes ? redactChanges(changes) : null,
      requestId: actor ? this.r.uuid() : null,
    });
  }

  private entry(at: number, kind: string, body: string | null, visible: boolean, actor: Person | null, role: Role | null): void {
    this.timeline.push({ id: this.r.cuid(), at, kind, body, visible, actorId: actor?.id ?? null, actorRole: role });
  }

  private notifyStaff(users: readonly Person[], kind: CaseNoticeKind, at: number): void {
    const seen = new Set<string>();
    for (const user of users) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      this.notifications.push({ id: this.r.cuid(), userId: user.id, gemeenteId: this.gemeenteId, kind, at });
      this.outbox.push({ id: this.r.cuid(), gemeenteId: this.gemeenteId, recipient: user.email, template: staffMailTemplate[kind], at });
    }
  }

  private mail(recipients: readonly Person[], template: string, at: number): void {
    for (const user of recipients) this.outbox.push({ id: this.r.cuid(), gemeenteId: this.gemeenteId, recipient: user.email, template, at });
  }

  /** notifyFamily: the family side hears that the case moved on, unless they moved it. */
  private notifyFamily(actor: Person | null, at: number): void {
    if (actor?.id !== this.filer.id) this.mail([this.filer], "case-updated", at);
  }

  private experts(): Person[] {
    const regionId = this.regionId ?? this.place.regionId;
    return regionId ? (this.world.experts.get(regionId) ?? []) : [];
  }

  // ───────────────────────── the jobs ─────────────────────────

  /** The overdue scans (cases and assignments) that ran up to `limit`. */
  private scanUntil(limit: number): void {
    for (;;) {
      if (this.status === "CLOSED") return;
      let next: { at: number; apply: (at: number) => void } | null = null;
      if (this.deadlineAt !== null && this.escalationLevel < 2) {
        const due = this.escalationLevel === 0 ? this.deadlineAt : expertEscalationTime(this.deadlineAt);
        const at = nextQuarterHour(due, 2000 + (due % 37_000));
        next = { at, apply: (when) => this.raise(when) };
      }
      if (this.status === "DECIDED" || this.status === "MONITORING") {
        for (const a of this.currentAssignments()) {
          if (a.status !== "OPEN" || a.escalationLevel !== 0) continue;
          const from = overdueFrom(a.dueDay);
          const at = nextQuarterHour(from - 1, 2000 + (from % 37_000));
          if (!next || at < next.at) next = { at, apply: (when) => this.assignmentOverdue(a, when) };
        }
      }
      if (!next || next.at > limit) return;
      const at = Math.max(next.at, this.last + 1);
      this.last = at;
      next.apply(at);
    }
  }

  private raise(at: number): void {
    const from = this.escalationLevel;
    const to = from + 1;
    this.escalationLevel = to;
    if (from === 0) this.overdueAt = at;
    this.updatedAt = at;
    this.entry(at, to === 1 ? "overdue" : "escalated", null, false, null, null);
    if (to === 1) this.notifyStaff([...(this.assignee ? [this.assignee] : []), ...this.place.admins], "caseOverdue", at);
    else this.notifyStaff([...this.experts(), ...this.place.admins], "caseEscalated", at);
    this.audit(at, to === 1 ? "case.overdue" : "case.escalate", null, null, {
      escalationLevel: { old: from, new: to },
      ...(from === 0 ? { overdueAt: { old: null, new: isoOf(at) } } : {}),
    });
  }

  private assignmentOverdue(a: AssignmentRecord, at: number): void {
    a.escalationLevel = 1;
    a.overdueAt = at;
    this.entry(at, "assignmentOverdue", `${a.party}: ${a.description}`, false, null, null);
    this.audit(at, "case.assignmentOverdue", null, null, {
      assignmentId: { old: null, new: a.id },
      escalationLevel: { old: 0, new: 1 },
      overdueAt: { old: null, new: isoOf(at) },
    });
    this.notifyStaff([...(this.assignee ? [this.assignee] : []), ...this.place.admins], "assignmentOverdue", at);
  }

  private currentAssignments(): AssignmentRecord[] {
    const superseded = new Set(this.decisions.flatMap((d) => (d.supersedesId ? [d.supersedesId] : [])));
    return this.assignments.filter((a) => !superseded.has(a.decisionId));
  }

  // ───────────────────────── what people do ─────────────────────────

  /** A staff member opens the case in the workspace (open-case.ts). */
  private read(actor: Person, at: number): void {
    const when = this.moment(at);
    this.audit(when, "case.read", actor, actor.role, null);
  }

  /** The actor opens the case (once or twice), then acts: returns the moment of the step. */
  private openThenAct(actor: Person): number {
    this.read(actor, this.staffTime(this.r.between(1, 40) * MINUTE));
    if (this.r.chance(0.3)) this.read(actor, this.staffTime(this.r.between(10, 300) * MINUTE));
    return this.moment(this.staffTime(this.r.between(1, 20) * MINUTE));
  }

  /** applyAction (transition.ts): the case moves on, with its timeline entry and audit event. */
  private apply(
    at: number,
    actor: Person,
    role: Role,
    action: string,
    effect: {
      to?: CaseStatus | null;
      deadlineAt?: number | null;
      timeline: { kind: string; body?: string | null; visible?: boolean };
      changes?: Changes;
    },
  ): void {
    const from = this.status;
    const to = effect.to ?? null;
    if (to) {
      this.status = to;
      this.deadlineAt = effect.deadlineAt !== undefined ? effect.deadlineAt : deadlineAfter(to, at, this.place.norms);
      this.overdueAt = null;
      this.escalationLevel = 0;
    }
    this.version += 1;
    this.updatedAt = at;
    this.entry(at, effect.timeline.kind, effect.timeline.body ?? null, effect.timeline.visible ?? true, actor, role);
    if (to && to !== from) this.notifyFamily(actor, at);
    const statusChange: Changes = to && to !== from ? { status: { old: from, new: to } } : {};
    this.audit(at, action, actor, role, { ...statusChange, ...effect.changes });
  }

  file(): void {
    const at = this.moment(this.createdAt);
    this.deadlineAt = deadlineAfter("SUBMITTED", at, this.place.norms);
    this.entry(at, "filed" satisfies TimelineKind, null, true, this.filer, "FAMILY");
    this.audit(at, "case.file", this.filer, "FAMILY", {
      status: { old: null, new: "SUBMITTED" },
      childName: { old: null, new: this.facts.childName },
      childBirthDate: { old: null, new: this.facts.childBirthDay },
      bsn: { old: null, new: null },
      residenceRule: { old: null, new: this.facts.residenceRule },
      consentGivenBy: { old: null, new: this.facts.consentGivenBy },
      urgency: { old: null, new: this.facts.urgency },
      domains: { old: null, new: this.facts.domains },
    });
    this.notifyStaff(this.place.aanspreekpunten, "caseNew", at);
  }

  private pickAanspreekpunt(place: Place = this.place): Person {
    let total = 0;
    for (const w of place.apWeights) total += w;
    let x = this.r.next() * total;
    for (let i = 0; i < place.aanspreekpunten.length; i++) {
      x -= place.apWeights[i]!;
      if (x < 0) return place.aanspreekpunten[i]!;
    }
    return place.aanspreekpunten.at(-1)!;
  }

  private claim(actor: Person): void {
    const at = this.openThenAct(actor);
    const old = this.assignee?.id ?? null;
    this.assignee = actor;
    this.apply(at, actor, "AANSPREEKPUNT", "case.claim", {
      to: "TRIAGE",
      timeline: { kind: "claimed" },
      changes: { assigneeId: { old, new: actor.id } },
    });
  }

  private assignTo(actor: Person, colleague: Person): void {
    const at = this.openThenAct(actor);
    const old = this.assignee?.id ?? null;
    this.assignee = colleague;
    this.apply(at, actor, "AANSPREEKPUNT", "case.assign", {
      timeline: { kind: "assigned", body: colleague.name, visible: false },
      changes: { assigneeId: { old, new: colleague.id } },
    });
    if (colleague.id !== actor.id) this.notifyStaff([colleague], "caseAssigned", at);
  }

  private note(actor: Person): void {
    const at = this.openThenAct(actor);
    this.apply(at, actor, "AANSPREEKPUNT", "case.note", { timeline: { kind: "note", body: this.r.pick(words.staffNotes), visible: false } });
  }

  private startLocal(actor: Person): void {
    const at = this.openThenAct(actor);
    this.apply(at, actor, "AANSPREEKPUNT", "case.startLocal", {
      to: "IN_PROGRESS",
      timeline: { kind: "localStarted", body: this.r.pick(words.localPlans) },
    });
  }

  /** The aanspreekpunt asks the family a question; the family answers, withdraws, or (rarely) never replies. */
  private infoRound(actor: Person, answer: "answer" | "withdraw" | "silent", answerWait = this.r.days(0.2, 4)): void {
    const at = this.openThenAct(actor);
    const question = this.r.pick(words.familyQuestions);
    const request = {
      id: this.r.cuid(),
      question,
      askedById: actor.id,
      at,
      resumeStatus: this.status,
      remaining: this.deadlineAt !== null ? remainingDays(at, this.deadlineAt) : null,
      answer: null as string | null,
      answeredById: null as string | null,
      answeredAt: null as number | null,
    };
    this.infoRequests.push(request);
    this.apply(at, actor, "AANSPREEKPUNT", "case.requestInfo", { to: "INFO_REQUESTED", timeline: { kind: "infoRequested", body: question } });
    if (answer === "silent") {
      this.idle(3650 * DAY, [actor], this.r.next() * 0.05);
      return;
    }
    if (answer === "withdraw") {
      this.idle(this.r.days(10, 30), [actor], 0.05);
      this.withdraw();
      return;
    }
    this.idle(answerWait, [actor], 0.1);
    const answeredAt = this.moment(this.familyTime(this.r.between(1, 600) * MINUTE));
    const text = this.r.pick(words.familyAnswers);
    request.answer = text;
    request.answeredById = this.filer.id;
    request.answeredAt = answeredAt;
    this.apply(answeredAt, this.filer, "FAMILY", "case.answer", {
      to: request.resumeStatus,
      deadlineAt: request.remaining === null ? undefined : resumedDeadline(answeredAt, request.remaining),
      timeline: { kind: "infoProvided", body: text },
      changes: { informationRequestId: { old: null, new: request.id } },
    });
    this.notifyStaff(this.assignee ? [this.assignee] : this.place.aanspreekpunten, "familyAnswered", answeredAt);
  }

  private transfer(actor: Person): void {
    const at = this.openThenAct(actor);
    const target = this.world.transferTarget(this.place, this.r);
    const from = this.place;
    const reason = this.r.pick(words.transferReasons);
    const oldAssignee = this.assignee?.id ?? null;
    this.apply(at, actor, "AANSPREEKPUNT", "case.transfer", {
      timeline: { kind: "transferred", body: reason },
      changes: {
        gemeente: { old: from.cbsCode, new: target.cbsCode },
        region: { old: from.regionCode, new: target.regionCode },
        assigneeId: { old: oldAssignee, new: null },
        transferCount: { old: this.transferCount, new: this.transferCount + 1 },
      },
    });
    // The case and its rows move; the audit event above keeps the gemeente it was written in.
    this.place = target;
    this.regionId = target.regionId;
    this.assignee = null;
    this.transferCount += 1;
    this.transfers.push({ id: this.r.cuid(), fromGemeenteId: from.id, toGemeenteId: target.id, reason, transferredById: actor.id, at });
    this.notifyStaff(target.aanspreekpunten, "caseNew", at);
    this.mail([this.filer], "case-updated", at);
  }

  private refer(actor: Person): void {
    const at = this.openThenAct(actor);
    const question = this.r.pick(words.referralQuestions);
    const impasse = impasseOf(this.r, this.facts.domains);
    this.referrals.push({ id: this.r.cuid(), regionId: this.regionId!, question, ...impasse, referredById: actor.id, at });
    this.apply(at, actor, "AANSPREEKPUNT", "case.refer", {
      to: "WITH_EXPERT_TEAM",
      timeline: { kind: "referred", body: question },
      changes: { causes: { old: null, new: impasse.causes }, organisationKinds: { old: null, new: impasse.organisationKinds } },
    });
    this.mail(this.experts(), "case-referred", at);
  }

  private logIntervention(actor: Person): void {
    const at = this.openThenAct(actor);
    const type = this.r.pick(interventionTypes);
    const occurredOn = dayStringOf(at - this.r.int(4) * DAY);
    const familyInvolved = this.r.chance(0.7);
    const childInvolved = this.r.chance(0.35);
    const internalNote = this.r.chance(0.3) ? "Aanbieder gaf aan dat de wachtlijst intern kan worden doorbroken." : null;
    const row = {
      id: this.r.cuid(),
      type,
      occurredOn,
      participants: this.r.pick(words.participantTexts),
      familyInvolved,
      childInvolved,
      involvementNote: familyInvolved && this.r.chance(0.5) ? "Moeder was aanwezig en heeft haar zorgen toegelicht." : null,
      outcome: this.r.pick(words.interventionOutcomes),
      nextStep: this.r.pick(words.nextSteps),
      internalNote,
      loggedById: actor.id,
      at,
    };
    this.interventions.push(row);
    this.apply(at, actor, "EXPERT", "case.logIntervention", {
      timeline: { kind: interventionKind(type), body: row.outcome },
      changes: {
        interventionId: { old: null, new: row.id },
        type: { old: null, new: type },
        occurredOn: { old: null, new: occurredOn },
        familyInvolved: { old: null, new: familyInvolved },
        childInvolved: { old: null, new: childInvolved },
        internalNote: { old: null, new: internalNote === null ? null : REDACTED },
      },
    });
  }

  private propose(actor: Person, role: Role): void {
    const at = this.openThenAct(actor);
    const proposal = { id: this.r.cuid(), proposal: this.r.pick(words.proposals), rationale: this.r.pick(words.rationales), proposedById: actor.id, at };
    this.proposals.push(proposal);
    this.apply(at, actor, role, "case.propose", {
      to: "DECISION_PROPOSED",
      timeline: { kind: "proposed", body: proposal.proposal },
      changes: { proposalId: { old: null, new: proposal.id } },
    });
    this.mail(this.place.decisionHolders, "decision-proposed", at);
  }

  private newAssignments(decisionId: string, at: number, count: number): AssignmentRecord[] {
    const made: AssignmentRecord[] = [];
    const templates = [...words.assignmentTemplates];
    for (let i = 0; i < count; i++) {
      const template = templates.splice(this.r.int(templates.length), 1)[0]!;
      made.push({
        id: this.r.cuid(),
        decisionId,
        party: template.party,
        description: template.description,
        payer: template.payer,
        dueDay: dayStringOf(at + this.r.between(14, 60) * DAY),
        status: "OPEN",
        statusNote: null,
        statusAt: null,
        statusById: null,
        overdueAt: null,
        escalationLevel: 0,
        at,
      });
    }
    this.assignments.push(...made);
    return made;
  }

  private decide(actor: Person, count: number): void {
    const at = this.openThenAct(actor);
    const proposal = this.proposals.at(-1)!;
    const decision = {
      id: this.r.cuid(),
      proposalId: proposal.id,
      legalBasis: this.r.pick(words.legalBases),
      rationale: this.r.pick(words.rationales),
      decidedById: actor.id,
      supersedesId: null,
      at,
    };
    this.decisions.push(decision);
    this.newAssignments(decision.id, at, count);
    this.apply(at, actor, "DECISION_HOLDER", "case.decide", {
      to: "DECIDED",
      timeline: { kind: "decided", body: decision.rationale },
      changes: { decisionId: { old: null, new: decision.id }, assignments: { old: null, new: count } },
    });
  }

  private correct(actor: Person, count: number): void {
    const at = this.openThenAct(actor);
    const current = this.decisions.filter((d) => !this.decisions.some((n) => n.supersedesId === d.id)).at(-1)!;
    const reason = "De bekostiging is anders verdeeld dan in het eerste besluit.";
    const decision = {
      id: this.r.cuid(),
      proposalId: current.proposalId,
      legalBasis: this.r.pick(words.legalBases),
      rationale: this.r.pick(words.rationales),
      decidedById: actor.id,
      supersedesId: current.id,
      at,
    };
    const oldCount = this.assignments.filter((a) => a.decisionId === current.id).length;
    this.decisions.push(decision);
    this.newAssignments(decision.id, at, count);
    let ended = 0;
    for (const a of this.assignments) {
      if (a.decisionId !== current.id || a.status !== "OPEN") continue;
      a.status = "ENDED";
      a.statusNote = SUPERSEDED_NOTE;
      a.statusAt = at;
      a.statusById = actor.id;
      a.overdueAt = null;
      ended += 1;
    }
    this.apply(at, actor, "DECISION_HOLDER", "case.correctDecision", {
      timeline: { kind: "decisionCorrected", body: reason },
      changes: {
        decisionId: { old: current.id, new: decision.id },
        reason: { old: null, new: reason },
        assignments: { old: oldCount, new: count },
        endedAssignments: { old: null, new: ended },
      },
    });
    this.notifyFamily(actor, at);
  }

  private settle(actor: Person, role: Role, a: AssignmentRecord, at: number): void {
    const outcome = this.r.chance(0.88) ? "DONE" : "ENDED";
    const note = outcome === "DONE" ? this.r.pick(words.settledNotes.slice(0, 2)) : words.settledNotes[2];
    a.status = outcome;
    a.statusNote = note;
    a.statusAt = at;
    a.statusById = actor.id;
    a.overdueAt = null;
    this.apply(at, actor, role, "case.settleAssignment", {
      to: "MONITORING",
      timeline: { kind: outcome === "DONE" ? "assignmentDone" : "assignmentEnded", body: `${a.party}: ${a.description}\n\n${note}` },
      changes: { assignmentId: { old: null, new: a.id }, assignmentStatus: { old: "OPEN", new: outcome } },
    });
  }

  private report(a: AssignmentRecord): void {
    const at = this.moment(this.familyTime(this.r.between(60, 3000) * MINUTE));
    const report = { id: this.r.cuid(), assignmentId: a.id, note: this.r.pick(words.reportNotes), reportedById: this.filer.id, at };
    this.reports.push(report);
    this.apply(at, this.filer, "FAMILY", "case.reportAssignment", {
      timeline: { kind: "assignmentReported", body: `${a.party}: ${a.description}\n\n${report.note}` },
      changes: { assignmentId: { old: null, new: a.id }, reportId: { old: null, new: report.id } },
    });
    this.notifyStaff(this.assignee ? [this.assignee] : this.place.aanspreekpunten, "assignmentReported", at);
  }

  private letter(actor: Person, role: Role, at: number): void {
    const when = this.moment(at);
    const current = this.decisions.filter((d) => !this.decisions.some((n) => n.supersedesId === d.id)).at(-1)!;
    this.audit(when, "case.decisionLetter", actor, role, { decisionId: { old: null, new: current.id } });
  }

  private close(actor: Person): void {
    const at = this.openThenAct(actor);
    const result = this.r.chance(0.8) ? "RESOLVED" : "NO_LONGER_NEEDED";
    const closingNote = result === "RESOLVED" ? this.r.pick(words.closingNotes.slice(0, 2)) : words.closingNotes[2];
    const impasse = refinedImpasse(this.r, this.facts.domains, this.referrals.at(-1));
    const outcome = outcomeOf(this.r, { decided: this.decisions.length > 0, referred: this.referrals.length > 0, noLongerNeeded: result === "NO_LONGER_NEEDED" });
    // The help started some days before the case closed, never before it was filed.
    const filedDay = amsterdamDay(new Date(this.createdAt));
    const startDay = amsterdamDay(new Date(at - this.r.exponential(8) * DAY));
    const helpStartedOn = outcome === "NOT_SOLVED" ? null : startDay < filedDay ? filedDay : startDay;
    // What close-case.ts reads back from the trail: the steps the case went through.
    const events = this.audits.map((e) => ({ action: e.action, occurredAt: new Date(e.at), outcome: e.outcome, changes: e.changes }));
    const history = statusHistory(new Date(this.createdAt), events);
    const durations = quickStepDurations(history, at);
    // The quick count must give what the service computes: checked against it now and then.
    if (this.r.chance(0.02) && canonicalJson(durations) !== canonicalJson(stepDurations(history, new Date(at)))) {
      throw new Error(`Step durations of ${this.number} differ from lib/domain/monitoring.ts`);
    }
    this.evaluation = {
      id: this.r.cuid(),
      blockers: impasse.causes,
      organisationKinds: impasse.organisationKinds,
      outcome,
      helpStartedOn,
      helpStartSource: helpStartedOn === null ? null : "STAFF",
      helpStartConfirmedAt: null,
      blockedNote: this.r.chance(0.5) ? "De partijen wezen lang naar elkaar over de bekostiging." : null,
      breakthroughNote: this.r.pick(words.breakthroughNotes),
      stepDurations: durations,
      createdById: actor.id,
      at,
    };
    this.result = result;
    this.closingNote = closingNote;
    this.closedAt = at;
    this.apply(at, actor, "AANSPREEKPUNT", "case.close", {
      to: "CLOSED",
      timeline: { kind: "closed", body: closingNote },
      changes: {
        result: { old: null, new: result },
        causes: { old: null, new: impasse.causes },
        organisationKinds: { old: null, new: impasse.organisationKinds },
        outcome: { old: null, new: outcome },
        helpStartedOn: { old: null, new: helpStartedOn },
        stepDurations: { old: null, new: durations },
      },
    });
    if (helpStartedOn !== null) this.familyAnswersHelpStart(helpStartedOn, filedDay);
  }

  /** About half the families confirm the day the help started, a few correct it; the others never answer. */
  private familyAnswersHelpStart(recorded: string, filedDay: string): void {
    const answer = this.r.weighted({ none: 45, confirm: 45, correct: 10 });
    if (answer === "none") return;
    const at = this.moment(this.familyTime(this.r.days(0.5, 6)));
    const shifted = amsterdamDay(new Date(new Date(`${recorded}T12:00:00Z`).getTime() + (this.r.chance(0.6) ? 1 : -1) * this.r.between(1, 10) * DAY));
    const corrected = shifted < filedDay ? filedDay : shifted > amsterdamDay(new Date(at)) ? amsterdamDay(new Date(at)) : shifted;
    const day = answer === "confirm" ? recorded : corrected;
    const source = day === recorded ? "FAMILY_CONFIRMED" : "FAMILY_CORRECTED";
    this.evaluation = { ...this.evaluation!, helpStartedOn: day, helpStartSource: source, helpStartConfirmedAt: at };
    this.audit(at, "case.confirmHelpStart", this.filer, "FAMILY", {
      helpStartSource: { old: "STAFF", new: source },
      ...(day === recorded ? {} : { helpStartedOn: { old: recorded, new: day } }),
    });
  }

  private inadmissible(actor: Person): void {
    const at = this.openThenAct(actor);
    const reason = this.r.pick(words.inadmissibleReasons);
    this.result = "NOT_ADMISSIBLE";
    this.closingNote = inadmissibleClosingNote({ inadmissibleReason: reason, complaintRoute: words.complaintRoute });
    this.closedAt = at;
    this.apply(at, actor, "AANSPREEKPUNT", "case.declareInadmissible", {
      to: "CLOSED",
      timeline: { kind: "notAdmissible", body: reason },
      changes: { result: { old: null, new: "NOT_ADMISSIBLE" } },
    });
  }

  private withdraw(): void {
    const at = this.moment(this.familyTime(this.r.between(30, 3000) * MINUTE));
    this.result = "WITHDRAWN";
    this.closedAt = at;
    this.apply(at, this.filer, "FAMILY", "case.withdraw", {
      to: "CLOSED",
      timeline: { kind: "withdrawn", body: this.r.pick(words.withdrawReasons) },
      changes: { result: { old: null, new: "WITHDRAWN" } },
    });
    this.mail(this.place.aanspreekpunten, "case-updated", at);
  }

  // ───────────────────────── a whole life ─────────────────────────

  /** Staff who look at the case in its current step. */
  private watchers(): Person[] {
    const staff: Person[] = [];
    if (this.assignee) staff.push(this.assignee, this.assignee);
    else staff.push(...this.place.aanspreekpunten.slice(0, 3));
    if (["WITH_EXPERT_TEAM", "DECISION_PROPOSED", "DECIDED", "MONITORING"].includes(this.status)) {
      staff.push(...this.experts().slice(0, 3));
    }
    if (this.status === "DECISION_PROPOSED") staff.push(...this.place.decisionHolders);
    if (this.ombudsman) staff.push(this.ombudsman);
    return staff;
  }

  private ombudsman: Person | null = null;

  live(plan: Plan): void {
    if (plan.ombudsman) this.ombudsman = this.r.pick(this.world.ombudsmen);
    try {
      this.file();
      this.play(plan);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    if (this.status !== "CLOSED") this.scanUntil(this.world.now);
    else this.purgeIfDue();
  }

  /** The ombudsman looks at a case and its audit trail now and then. */
  private ombudsmanLooks(): void {
    if (!this.ombudsman) return;
    const at = this.staffTime(this.r.days(0, 2));
    this.read(this.ombudsman, at);
    const when = this.moment(this.staffTime(this.r.between(1, 10) * MINUTE));
    this.audit(when, "audit.read", this.ombudsman, "OMBUDSMAN", null);
  }

  private withdrawHere(plan: Plan): boolean {
    if (plan.withdrawIn !== this.status) return false;
    this.idle(this.r.days(0.5, 6), this.watchers(), plan.readRate);
    this.withdraw();
    return true;
  }

  private play(plan: Plan): void {
    const rate = plan.readRate;
    // SUBMITTED: waiting for an aanspreekpunt to take it on.
    this.idle(this.r.chance(0.9) ? this.r.days(0.02, 0.7) : this.r.days(2, 3), this.place.aanspreekpunten.slice(0, 2), rate * 0.5);
    if (this.withdrawHere(plan)) return;
    if (plan.transferIn === "SUBMITTED") this.transfer(this.pickAanspreekpunt());
    const ap = this.pickAanspreekpunt();
    if (plan.route === "inadmissible" && this.r.chance(0.3)) return this.inadmissible(ap);
    this.claim(ap);

    // TRIAGE
    this.idle(this.r.chance(0.8) ? this.r.days(0.3, 2.5) : this.r.days(6, 5), this.watchers(), rate);
    if (this.withdrawHere(plan)) return;
    if (plan.transferIn === "TRIAGE") {
      this.transfer(this.assignee!);
      const taker = this.pickAanspreekpunt();
      this.idle(this.r.days(0.2, 2), this.place.aanspreekpunten.slice(0, 2), rate);
      this.assignTo(taker, taker);
      this.idle(this.r.days(0.2, 2), this.watchers(), rate);
    }
    if (plan.route === "inadmissible") return this.inadmissible(this.assignee!);
    let rounds = plan.infoRounds;
    let notes = plan.notes;
    if (rounds > 0 && this.r.chance(0.4)) {
      rounds -= 1;
      this.infoRound(this.assignee!, this.infoOutcome());
      if (this.status === "CLOSED") return;
      if (this.withdrawHere(plan)) return;
    }
    if (notes > 0 && this.r.chance(0.3)) {
      notes -= 1;
      this.note(this.assignee!);
    }
    if (plan.reassign && this.place.aanspreekpunten.length > 1) {
      const colleague = this.place.aanspreekpunten.find((p) => p.id !== this.assignee!.id)!;
      this.assignTo(this.assignee!, this.r.chance(0.5) ? colleague : this.pickAanspreekpunt());
      this.idle(this.r.days(0.2, 2), this.watchers(), rate);
    }

    const local = plan.route === "local" || plan.route === "direct" || plan.startLocalFirst || plan.withdrawIn === "IN_PROGRESS";
    if (local) {
      this.startLocal(this.assignee!);
      const span = plan.route === "local" ? this.r.days(4, 13) : this.r.days(4, 10);
      const pieces = 1 + rounds + notes;
      for (let i = 0; i < pieces; i++) {
        this.idle(span / pieces, this.watchers(), rate);
        if (this.withdrawHere(plan)) return;
        if (rounds > 0 && (notes === 0 || this.r.chance(0.5))) {
          rounds -= 1;
          this.infoRound(this.assignee!, this.infoOutcome());
          if (this.status === "CLOSED") return;
        } else if (notes > 0) {
          notes -= 1;
          this.note(this.assignee!);
        }
      }
      if (plan.route === "local") return this.close(this.assignee!);
      if (plan.route === "direct") return this.decisionPhase(plan, this.assignee!, "AANSPREEKPUNT");
    }

    // The expert team
    this.refer(this.assignee!);
    const experts = this.experts();
    const lead = this.r.pick(experts.slice(0, Math.max(1, Math.min(experts.length, 4))));
    const span = this.r.days(10, 18);
    for (let i = 0; i < plan.interventions; i++) {
      this.idle(span / (plan.interventions + 1), this.watchers(), rate);
      if (this.withdrawHere(plan)) return;
      this.logIntervention(this.r.chance(0.75) ? lead : this.r.pick(experts));
      if (i === 0 && this.r.chance(0.3)) this.ombudsmanLooks();
    }
    this.idle(span / (plan.interventions + 1), this.watchers(), rate);
    if (this.withdrawHere(plan)) return;
    if (this.r.chance(0.8)) this.decisionPhase(plan, lead, "EXPERT");
    else this.decisionPhase(plan, this.assignee!, "AANSPREEKPUNT");
  }

  private infoOutcome(): "answer" | "withdraw" | "silent" {
    const x = this.r.next();
    return x < 0.94 ? "answer" : x < 0.995 ? "withdraw" : "silent";
  }

  private decisionPhase(plan: Plan, proposer: Person, role: Role): void {
    const rate = plan.readRate;
    this.propose(proposer, role);
    this.idle(this.r.days(0.5, 3), this.watchers(), rate);
    if (this.withdrawHere(plan)) return;
    const holder = this.r.pick(this.place.decisionHolders);
    this.decide(holder, plan.assignments);
    const decidedAt = this.t;
    if (this.r.chance(0.5)) this.letter(this.filer, "FAMILY", this.familyTime(this.r.between(60, 4000) * MINUTE));
    if (this.r.chance(0.2)) this.letter(this.assignee!, "AANSPREEKPUNT", this.staffTime(this.r.between(10, 600) * MINUTE));
    if (plan.correction) {
      this.idle(this.r.days(2, 8), this.watchers(), rate);
      this.correct(this.r.pick(this.place.decisionHolders), plan.assignments);
      if (this.r.chance(0.5)) this.letter(this.filer, "FAMILY", this.familyTime(this.r.between(60, 4000) * MINUTE));
    }
    // Carrying out: each assignment of the current decision is settled, some after their day.
    let reports = plan.reports;
    const open = () => this.currentAssignments().filter((a) => a.status === "OPEN");
    const settlers: [Person, Role][] = [[this.assignee!, "AANSPREEKPUNT"], [proposer, role]];
    const queue = open()
      .map((a) => {
        const due = overdueFrom(a.dueDay);
        const at = this.r.chance(0.8) ? decidedAt + this.r.next() * Math.max(DAY, due - decidedAt - DAY) : due + this.r.days(1, 10);
        return { a, at };
      })
      .sort((x, y) => x.at - y.at);
    for (const { a, at } of queue) {
      if (reports > 0) {
        reports -= 1;
        this.idle(Math.max(0, (at - this.t) / 2), this.watchers(), rate);
        this.report(a);
      }
      this.idle(Math.max(0, at - this.t), this.watchers(), rate);
      const [who, as] = this.r.pick(settlers);
      this.settle(who, as, a, this.openThenAct(who));
    }
    if (open().length > 0) return;
    this.idle(this.r.days(1, 10), this.watchers(), rate);
    this.close(this.assignee!);
  }

  // ───────────────────────── retention ─────────────────────────

  private purgeIfDue(): void {
    if (this.closedAt === null) return;
    const at = purgeTime(this.closedAt, this.place.retentionMonths);
    if (at > this.world.now) return;
    const when = this.moment(at);
    const counts = {
      parties: 1,
      timelineEntries: this.timeline.length,
      documents: 0,
      informationRequests: this.infoRequests.length,
      referrals: this.referrals.length,
      interventions: this.interventions.length,
      proposals: this.proposals.length,
      decisions: this.decisions.length,
      assignments: this.assignments.length,
      assignmentReports: this.reports.length,
      invitations: 0,
      transfers: this.transfers.length,
      staffNotifications: this.notifications.length,
      outboxMessages: this.outbox.length,
      drafts: 0,
      evaluationNotes: this.evaluation ? 1 : 0,
    };
    this.purgeCounts = counts;
    this.purgedAt = when;
    this.version += 1;
    this.updatedAt = when;
    this.assignee = null;
    this.deadlineAt = null;
    this.overdueAt = null;
    this.closingNote = null;
    this.audit(when, "case.purge", null, null, {
      purgedAt: { old: null, new: isoOf(when) },
      retentionMonths: { old: null, new: this.place.retentionMonths },
      removed: { old: null, new: counts },
    });
  }

  // ───────────────────────── the special cases of the benchmark ─────────────────────────

  /**
   * A case that has been stuck for years: a long local attempt with many
   * notes, questions to the family and hand-overs, then the expert team, which
   * has logged hundreds of interventions since. Stays open.
   */
  liveLong(opts: { notes: number; infoRounds: number; reassigns: number; interventions: number; referAt: number; readsPerStep: number }): void {
    try {
      this.file();
      const ap = this.place.aanspreekpunten[0]!;
      this.idle(this.r.days(0.1, 0.5), [ap], 0);
      this.claim(ap);
      this.idle(this.r.days(1, 2), [ap], 0.5);
      this.startLocal(ap);
      const localSteps = opts.notes + opts.infoRounds + opts.reassigns;
      let notes = opts.notes;
      let rounds = opts.infoRounds;
      let reassigns = opts.reassigns;
      const colleagues = this.place.aanspreekpunten.slice(0, 3);
      for (let i = 0; i < localSteps; i++) {
        const gap = Math.max(0, opts.referAt - this.t) / (localSteps - i + 1);
        this.idle(gap * 0.9, colleagues, opts.readsPerStep / Math.max(gap / DAY, 0.05));
        const x = this.r.int(notes + rounds + reassigns);
        if (x < notes) {
          notes -= 1;
          this.note(this.assignee!);
        } else if (x < notes + rounds) {
          rounds -= 1;
          this.infoRound(this.assignee!, "answer", this.r.days(0.05, 0.3));
        } else {
          reassigns -= 1;
          const next = colleagues.find((p) => p.id !== this.assignee!.id)!;
          this.assignTo(this.assignee!, next);
        }
      }
      this.t = Math.max(this.t, opts.referAt);
      this.refer(this.assignee!);
      const experts = this.experts();
      const lead = experts[0]!;
      for (let i = 0; i < opts.interventions; i++) {
        const igap = Math.max(0, this.world.now - this.t) / (opts.interventions - i + 1);
        this.idle(igap * 0.9, [...experts.slice(0, 3), ...colleagues], opts.readsPerStep / Math.max(igap / DAY, 0.05));
        this.logIntervention(this.r.chance(0.7) ? lead : this.r.pick(experts));
      }
      this.idle(this.world.now - this.t + DAY, [...experts.slice(0, 3), ...colleagues], opts.readsPerStep);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    if (this.status !== "CLOSED") this.scanUntil(this.world.now);
  }

  /**
   * A case that many people watch: a decision in force, carried out over
   * months, opened again and again by staff and by the ombudsman. Its trail
   * runs to thousands of reads.
   */
  liveWatched(plan: Plan, readsPerDay: number): void {
    this.ombudsman = this.world.ombudsmen[0]!;
    try {
      this.file();
      const ap = this.place.aanspreekpunten[0]!;
      this.idle(this.r.days(0.1, 0.3), [ap], 0);
      this.claim(ap);
      this.idle(this.r.days(1, 2), this.watchers(), readsPerDay);
      this.refer(ap);
      const experts = this.experts();
      for (let i = 0; i < plan.interventions; i++) {
        this.idle(this.r.days(5, 5), this.watchers(), readsPerDay);
        this.logIntervention(experts[0]!);
      }
      this.idle(this.r.days(3, 3), this.watchers(), readsPerDay);
      this.propose(experts[0]!, "EXPERT");
      this.idle(this.r.days(1, 2), this.watchers(), readsPerDay);
      this.decide(this.place.decisionHolders[0]!, plan.assignments);
      const first = this.currentAssignments()[0]!;
      this.idle(this.r.days(10, 5), this.watchers(), readsPerDay);
      this.settle(ap, "AANSPREEKPUNT", first, this.openThenAct(ap));
      for (;;) {
        this.idle(this.r.days(20, 10), this.watchers(), readsPerDay);
        this.ombudsmanLooks();
      }
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
    }
    if (this.status !== "CLOSED") this.scanUntil(this.world.now);
  }
}

/** The facts a family types into the filing form, for a case filed at `at`. */
export function drawFacts(r: Random, at: number, childSurname: string): CaseFacts {
  const age = r.chance(0.1) ? r.between(0, 5) : r.between(6, 17);
  const birth = new Date(at - age * 365.25 * DAY - r.int(365) * DAY);
  const childBirthDay = birth.toISOString().slice(0, 10);
  const schoolSituation = age < 4 ? "NOT_APPLICABLE" : r.weighted({ ATTENDING: 45, PARTLY: 20, NONE: 30, NOT_APPLICABLE: 5 });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const consentGivenBy = consentGiver(childBirthDay, dayOf(at));
  return {
    urgency: r.weighted({ NORMAL: 60, HIGH: 30, CRISIS: 10 }),
    domains: [...new Set([r.weighted({ JEUGDHULP: 45, ONDERWIJS: 25, ZVW_GGZ: 15, WMO: 8, WLZ: 7 }), ...(r.chance(0.35) ? [r.pick(["JEUGDHULP", "ONDERWIJS", "ZVW_GGZ"])] : [])])].sort(),
    childName: `${r.pick(words.firstNames)} ${childSurname}`,
    childBirthDay,
    residenceRule: r.weighted({ OWN_ADDRESS: 90, BEFORE_CARE: 7, MOTHER_AT_BIRTH: 3 }),
    consentGivenBy,
    stuckDescription: r.pick(words.stuckTexts),
    triedDescription: r.pick(words.triedTexts),
    needDescription: r.pick(words.needTexts),
    stuckSince: r.chance(0.85) ? day(at - r.days(30, 120)) : null,
    schoolSituation,
    outOfSchoolSince: (schoolSituation === "NONE" || schoolSituation === "PARTLY") && r.chance(0.8) ? day(at - r.days(20, 150)) : null,
    refusedBy: r.chance(0.8) ? r.pick(words.refusedTexts) : null,
    risks: r.chance(0.6) ? r.pick(words.riskTexts) : null,
    submissionId: r.uuid(),
    partyRole: consentGivenBy === "YOUTH" && r.chance(0.15) ? "YOUTH" : "PARENT",
  };
}

/** The route of an ordinary case and the details of its steps. */
export function drawPlan(r: Random, readRate: number): Plan {
  const route = r.weighted({ local: 47, expert: 32, direct: 5, inadmissible: 6, withdrawn: 10 });
  const withdrawIn: CaseStatus | null =
    route === "withdrawn" ? r.weighted({ SUBMITTED: 15, TRIAGE: 25, IN_PROGRESS: 30, WITH_EXPERT_TEAM: 20, DECISION_PROPOSED: 10 }) : null;
  const late = withdrawIn === "WITH_EXPERT_TEAM" || withdrawIn === "DECISION_PROPOSED";
  return {
    route: route !== "withdrawn" ? route : late ? "expert" : r.weighted({ local: 60, expert: 40 }),
    withdrawIn,
    transferIn: r.chance(0.015) ? (r.chance(0.6) ? "SUBMITTED" : "TRIAGE") : null,
    startLocalFirst: r.chance(0.6),
    infoRounds: r.chance(0.35) ? (r.chance(0.8) ? 1 : 2) : 0,
    notes: Math.floor(r.exponential(1.2)),
    reassign: r.chance(0.08),
    interventions: 1 + Math.min(7, Math.floor(r.exponential(1.3))),
    assignments: r.between(1, 3),
    correction: r.chance(0.03),
    reports: r.chance(0.1) ? 1 : 0,
    ombudsman: r.chance(0.02),
    readRate,
  };
}
