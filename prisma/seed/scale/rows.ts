/**
 * The rows of the scale data set: which columns each table is loaded with,
 * the COPY streams of one process, and how one simulated case (and an audit
 * chain) becomes rows. Shared by the coordinator (prisma/seed/scale.ts) and
 * its workers (./worker.ts).
 */
import { randomUUID } from "node:crypto";
import { AUDIT_HASH_VERSION, auditHash, auditMac, chainFor, type HashedAuditFields } from "@/lib/domain/audit";
import { computeCaseStatistic, type CaseResult, type CaseSnapshot, type Domain } from "@/lib/domain/case-statistic";
import { auditMacKey } from "@/lib/server/audit/keys";
import { PURGED_BIRTH_DATE, PURGED_TEXT } from "@/lib/server/retention/purge-cases";
import { DAY, MINUTE } from "./calendar";
import { arrayLiteral, loadingConnection, TableCopy, type Cell } from "./copy";
import type { AuditRecord, CaseSim, Person, Place } from "./lifecycle";
import type { Random } from "./random";
import type pg from "pg";

export const columns = {
  User: ["id", "email", "name", "passwordHash", "organisation", "createdAt", "sessionVersion"],
  Membership: ["id", "userId", "role", "gemeenteId", "regionId", "createdAt"],
  TwoFactorCredential: ["userId", "secret", "confirmedAt", "createdAt"],
  Case: [
    "id", "number", "gemeenteId", "regionId", "status", "result", "urgency", "domains", "childName", "childBirthDate", "childBsn",
    "residenceRule", "consentGivenBy", "consentMethod", "stuckDescription", "triedDescription", "needDescription", "stuckSince",
    "schoolSituation", "outOfSchoolSince", "refusedBy", "risks", "deadlineAt", "overdueAt", "escalationLevel", "closingNote",
    "assigneeId", "filedById", "transferCount", "submissionId", "version", "createdAt", "updatedAt", "closedAt", "purgedAt",
  ],
  CaseParty: ["id", "caseId", "gemeenteId", "userId", "role", "name", "email", "phone", "contactPreference", "organisation", "createdAt"],
  TimelineEntry: ["id", "caseId", "gemeenteId", "kind", "body", "visibleToFamily", "actorId", "actorRole", "createdAt"],
  Referral: ["id", "caseId", "gemeenteId", "regionId", "question", "causes", "organisationKinds", "referredById", "createdAt"],
  InformationRequest: [
    "id", "caseId", "gemeenteId", "question", "askedById", "askedAt", "resumeStatus", "remainingWorkingDays", "answer", "answeredById", "answeredAt",
  ],
  Intervention: [
    "id", "caseId", "gemeenteId", "type", "occurredOn", "participants", "familyInvolved", "childInvolved", "involvementNote", "outcome",
    "nextStep", "internalNote", "loggedById", "createdAt",
  ],
  DecisionProposal: ["id", "caseId", "gemeenteId", "proposal", "rationale", "proposedById", "createdAt"],
  Decision: ["id", "caseId", "gemeenteId", "proposalId", "legalBasis", "rationale", "decidedById", "supersedesId", "createdAt"],
  Assignment: [
    "id", "decisionId", "gemeenteId", "party", "description", "dueOn", "payer", "status", "statusNote", "statusAt", "statusById", "overdueAt",
    "escalationLevel", "createdAt",
  ],
  AssignmentReport: ["id", "assignmentId", "caseId", "gemeenteId", "note", "reportedById", "createdAt"],
  CaseTransfer: ["id", "caseId", "fromGemeenteId", "toGemeenteId", "reason", "expertAgreement", "transferredById", "createdAt"],
  CaseEvaluation: [
    "id", "caseId", "gemeenteId", "blockers", "organisationKinds", "outcome", "helpStartedOn", "helpStartSource", "helpStartConfirmedAt",
    "blockedNote", "breakthroughNote", "stepDurations", "createdById", "createdAt",
  ],
  StaffNotification: ["id", "userId", "gemeenteId", "caseId", "caseNumber", "kind", "createdAt", "readAt"],
  OutboxMessage: ["id", "gemeenteId", "caseId", "channel", "recipient", "template", "status", "attempts", "lastError", "nextAttemptAt", "createdAt", "sentAt"],
  AuditEvent: [
    "id", "chain", "seq", "occurredAt", "action", "outcome", "actorId", "actorName", "actorRole", "actorOrganisation", "onBehalfOf",
    "gemeenteId", "caseId", "caseNumber", "changes", "ip", "userAgent", "requestId", "prevHash", "hash", "hashVersion", "mac",
  ],
  AuditChainHead: ["chain", "seq", "hash"],
  CaseStatistic: [
    "id", "gemeenteId", "regionId", "filedMonth", "closedMonth", "step", "result", "outcome", "urgency", "domains", "ageBand", "thuiszitter",
    "daysOutOfSchoolAtFiling", "daysOutOfSchoolAtHelpStart", "referred", "referredMonth", "decided", "workingDaysToFirstContact", "workingDaysToReferral",
    "workingDaysToDecision", "workingDaysToHelpStart", "workingDaysToClose", "stepWorkingDays", "withinNorms", "assignments",
    "assignmentsOnTime", "transfers", "causes", "organisationKinds", "updatedAt",
  ],
} as const;

export type Table = keyof typeof columns;

/** The order in which loads are committed: a table after the ones it refers to. */
export const loadOrder: Table[] = [
  "User", "Membership", "TwoFactorCredential", "CaseStatistic", "Case", "CaseParty", "TimelineEntry", "Referral", "InformationRequest", "Intervention",
  "DecisionProposal", "Decision", "Assignment", "AssignmentReport", "CaseTransfer", "CaseEvaluation", "StaffNotification", "OutboxMessage",
  "AuditEvent", "AuditChainHead",
];

/** One COPY stream per table on its own connection, as the owner with triggers off. */
export class Loader {
  private copies = new Map<Table, TableCopy>();
  private clients: pg.Client[] = [];

  constructor(private readonly tables: readonly Table[] = loadOrder) {}

  async open(url: string): Promise<void> {
    for (const table of this.tables) {
      const client = await loadingConnection(url);
      this.clients.push(client);
      const copy = new TableCopy(client, table, columns[table]);
      await copy.open();
      this.copies.set(table, copy);
    }
  }

  row(table: Table, values: readonly Cell[]): void {
    const copy = this.copies.get(table);
    if (!copy) throw new Error(`${table} is not loaded by this process`);
    copy.row(values);
  }

  async drain(): Promise<void> {
    for (const copy of this.copies.values()) await copy.drain();
  }

  /** Commits every table, in dependency order. */
  async close(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of loadOrder) {
      const copy = this.copies.get(table);
      if (copy) counts[table] = await copy.end();
    }
    for (const client of this.clients) await client.end();
    return counts;
  }
}

/** Writes a chain's events with seq, prevHash and hash exactly as write-audit.ts computes them, and the chain's head. */
export function writeChain(loader: Loader, r: Random, chain: string, events: readonly AuditRecord[], caseRef: { id: string; number: string } | null): number {
  let prevHash: string | null = null;
  let seq = 0;
  const macKey = auditMacKey();
  for (const e of events) {
    seq += 1;
    const fields: HashedAuditFields = {
      id: r.uuid(),
      chain,
      seq,
      occurredAt: new Date(e.at).toISOString(),
      action: e.action,
      outcome: e.outcome,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? null,
      actorRole: e.role,
      actorOrganisation: e.actor?.organisation ?? null,
      onBehalfOf: null,
      gemeenteId: e.gemeenteId,
      caseId: caseRef?.id ?? null,
      caseNumber: caseRef?.number ?? null,
      changes: e.changes,
      ip: e.actor?.ip ?? null,
      userAgent: e.actor?.userAgent ?? null,
      requestId: e.requestId,
      prevHash,
      hashVersion: AUDIT_HASH_VERSION,
    };
    const hash = auditHash(fields);
    const mac = auditMac(hash, macKey);
    loader.row("AuditEvent", [
      fields.id, chain, seq, new Date(e.at), e.action, e.outcome, fields.actorId, fields.actorName, fields.actorRole,
      fields.actorOrganisation, null, fields.gemeenteId, fields.caseId, fields.caseNumber,
      e.changes === null ? null : JSON.stringify(e.changes), fields.ip, fields.userAgent, fields.requestId, prevHash, hash, AUDIT_HASH_VERSION, mac,
    ]);
    prevHash = hash;
  }
  if (seq > 0) loader.row("AuditChainHead", [chain, seq, prevHash]);
  return seq;
}

/** A user and their one membership. The membership trigger would raise sessionVersion to 1; triggers are off while loading. */
export function writeUser(loader: Loader, r: Random, person: Person, passwordHash: string, createdAt: number, scope: { gemeenteId: string | null; regionId: string | null }): void {
  loader.row("User", [person.id, person.email, person.name, passwordHash, person.organisation, new Date(createdAt), 1]);
  loader.row("Membership", [r.cuid(), person.id, person.role, scope.gemeenteId, scope.regionId, new Date(createdAt)]);
}

/** The event register-family.ts writes in the new account's own chain. */
export function registration(r: Random, person: Person, at: number): AuditRecord {
  return {
    at,
    action: "user.register",
    outcome: "SUCCESS",
    actor: person,
    role: "FAMILY",
    gemeenteId: null,
    changes: { userId: { old: null, new: person.id } },
    requestId: r.uuid(),
  };
}

/** Every row of one simulated case; a purged case leaves its tombstone, its evaluation without words, and its audit trail. */
export function writeCase(loader: Loader, r: Random, sim: CaseSim, now: number): void {
  const f = sim.facts;
  const g = sim.gemeenteId;
  const id = sim.id;
  const d = (ms: number | null) => (ms === null ? null : new Date(ms));
  const gone = sim.purgedAt !== null;
  loader.row("Case", [
    id, sim.number, g, sim.regionId, sim.status, sim.result, f.urgency, arrayLiteral(f.domains),
    gone ? PURGED_TEXT : f.childName, gone ? PURGED_BIRTH_DATE.toISOString().slice(0, 10) : f.childBirthDay, null,
    f.residenceRule, f.consentGivenBy, null,
    gone ? PURGED_TEXT : f.stuckDescription, gone ? PURGED_TEXT : f.triedDescription, gone ? PURGED_TEXT : f.needDescription,
    gone ? null : f.stuckSince, gone ? null : f.schoolSituation, gone ? null : f.outOfSchoolSince, gone ? null : f.refusedBy, gone ? null : f.risks,
    d(sim.deadlineAt), d(sim.overdueAt), sim.escalationLevel, sim.closingNote, sim.assignee?.id ?? null, sim.filer.id, sim.transferCount,
    gone ? null : f.submissionId, sim.version, d(sim.createdAt), d(sim.updatedAt), d(sim.closedAt), d(sim.purgedAt),
  ]);
  if (sim.evaluation) {
    const e = sim.evaluation;
    loader.row("CaseEvaluation", [
      e.id, id, g, arrayLiteral(e.blockers), arrayLiteral(e.organisationKinds), e.outcome, e.helpStartedOn, e.helpStartSource, d(e.helpStartConfirmedAt),
      gone ? null : e.blockedNote, gone ? PURGED_TEXT : e.breakthroughNote,
      JSON.stringify(e.stepDurations), e.createdById, d(e.at),
    ]);
  }
  writeChain(loader, r, chainFor(id), sim.audits, { id, number: sim.number });
  if (gone) {
    // The retention job refreshed the case's statistic one last time and left it without a link
    // (decision 026); the statistics of the cases that are still there are made at the end of the seed.
    // A random id outside the seeded stream, so that the rest of the data set stays as it was.
    loader.row("CaseStatistic", statisticRow(randomUUID(), sim, d(sim.purgedAt)!));
    return;
  }

  loader.row("CaseParty", [r.cuid(), id, g, sim.filer.id, f.partyRole, sim.filer.name, sim.filer.email, null, "EMAIL", null, d(sim.createdAt)]);
  for (const t of sim.timeline) loader.row("TimelineEntry", [t.id, id, g, t.kind, t.body, t.visible, t.actorId, t.actorRole, d(t.at)]);
  for (const x of sim.referrals) loader.row("Referral", [x.id, id, g, x.regionId, x.question, arrayLiteral(x.causes), arrayLiteral(x.organisationKinds), x.referredById, d(x.at)]);
  for (const x of sim.infoRequests) {
    loader.row("InformationRequest", [x.id, id, g, x.question, x.askedById, d(x.at), x.resumeStatus, x.remaining, x.answer, x.answeredById, d(x.answeredAt)]);
  }
  for (const x of sim.interventions) {
    loader.row("Intervention", [
      x.id, id, g, x.type, x.occurredOn, x.participants, x.familyInvolved, x.childInvolved, x.involvementNote, x.outcome, x.nextStep,
      x.internalNote, x.loggedById, d(x.at),
    ]);
  }
  for (const x of sim.proposals) loader.row("DecisionProposal", [x.id, id, g, x.proposal, x.rationale, x.proposedById, d(x.at)]);
  for (const x of sim.decisions) loader.row("Decision", [x.id, id, g, x.proposalId, x.legalBasis, x.rationale, x.decidedById, x.supersedesId, d(x.at)]);
  for (const x of sim.assignments) {
    loader.row("Assignment", [
      x.id, x.decisionId, g, x.party, x.description, x.dueDay, x.payer, x.status, x.statusNote, d(x.statusAt), x.statusById, d(x.overdueAt),
      x.escalationLevel, d(x.at),
    ]);
  }
  for (const x of sim.reports) loader.row("AssignmentReport", [x.id, x.assignmentId, id, g, x.note, x.reportedById, d(x.at)]);
  for (const x of sim.transfers) loader.row("CaseTransfer", [x.id, id, x.fromGemeenteId, x.toGemeenteId, x.reason, null, x.transferredById, d(x.at)]);
  for (const x of sim.notifications) {
    // Staff read their notices within a day or so; those of the last few days may still be unread.
    const readAt = x.at < now - 3 * DAY || r.chance(0.4) ? Math.min(now, x.at + Math.floor(r.exponential(0.6) * DAY)) : null;
    loader.row("StaffNotification", [x.id, x.userId, x.gemeenteId, id, sim.number, x.kind, d(x.at), d(readAt)]);
  }
  for (const x of sim.outbox) {
    // The outbox job runs every minute: a mail goes out within a minute of its change.
    const sentAt = x.at + r.between(1, 59) * 1000;
    const sent = sentAt <= now;
    loader.row("OutboxMessage", [
      x.id, x.gemeenteId, id, "email", x.recipient, x.template, sent ? "SENT" : "PENDING", sent ? 1 : 0, null,
      d(sent ? sentAt + 30 * MINUTE : x.at), d(x.at), d(sent ? sentAt : null),
    ]);
  }
}

/** What the coordinator hands each worker: the world as it made it, and the cases to play. */
export type WorkerSpec = {
  url: string;
  now: number;
  seed: string;
  shard: number;
  shards: number;
  passwordHash: string;
  readRate: number;
  places: Place[];
  experts: [string, Person[]][];
  ombudsmen: Person[];
  ouder: Person;
  /** Gemeenten by weight, for the target of a transfer: cumulative weights in the order of `codes` */
  transfer: { codes: string[]; upTo: number[] };
  cases: CaseSeed[];
};

export type CaseSeed = {
  at: number;
  code: string;
  number: string;
  special: "long" | "watched" | "ouder" | null;
  /** The number in the filer's generated e-mail address, or 0 for the bench's own parent */
  familyNo: number;
};

/** What a worker reports back. */
export type WorkerResult = {
  counts: Record<string, number>;
  statuses: Record<string, number>;
  gemeenten: Record<string, { total: number; open: number }>;
  purged: number;
  auditEvents: number;
  registrations: AuditRecord[];
  samples: { number: string; id: string; label: string }[];
  biggest: { number: string; events: number; timeline: number; interventions: number };
  maxRssMb: number;
};

/** The case as the statistic's refresh reads it (lib/server/statistics/case-statistic.ts), from the simulation. */
function snapshotOf(sim: CaseSim): CaseSnapshot {
  const f = sim.facts;
  const date = (day: string) => new Date(`${day}T00:00:00Z`);
  const firstReferral = sim.referrals.reduce<number | null>((first, x) => (first === null || x.at < first ? x.at : first), null);
  return {
    gemeenteId: sim.gemeenteId,
    regionId: sim.regionId,
    status: sim.status,
    result: sim.result as CaseResult | null,
    urgency: f.urgency,
    domains: f.domains as Domain[],
    createdAt: new Date(sim.createdAt),
    closedAt: sim.closedAt === null ? null : new Date(sim.closedAt),
    childBirthDate: date(f.childBirthDay),
    schoolSituation: f.schoolSituation,
    outOfSchoolSince: f.outOfSchoolSince ? date(f.outOfSchoolSince) : null,
    referredAt: firstReferral === null ? null : new Date(firstReferral),
    referral: sim.referrals.at(-1) ?? null,
    transferCount: sim.transferCount,
    events: sim.audits.map((a) => ({ action: a.action, occurredAt: new Date(a.at), outcome: a.outcome, changes: a.changes })),
    decisions: sim.decisions.map((x) => ({
      id: x.id,
      supersedesId: x.supersedesId,
      createdAt: new Date(x.at),
      assignments: sim.assignments
        .filter((a) => a.decisionId === x.id)
        .map((a) => ({ status: a.status, dueOn: date(a.dueDay), statusAt: a.statusAt === null ? null : new Date(a.statusAt) })),
    })),
    evaluation: sim.evaluation
      ? {
          blockers: sim.evaluation.blockers,
          organisationKinds: sim.evaluation.organisationKinds,
          outcome: sim.evaluation.outcome,
          helpStartedOn: sim.evaluation.helpStartedOn === null ? null : date(sim.evaluation.helpStartedOn),
        }
      : null,
    norms: sim.place.norms,
  };
}

function statisticRow(id: string, sim: CaseSim, at: Date): Cell[] {
  const s = computeCaseStatistic(snapshotOf(sim));
  const day = (value: Date | null) => (value === null ? null : value.toISOString().slice(0, 10));
  return [
    id, s.gemeenteId, s.regionId, day(s.filedMonth), day(s.closedMonth), s.step, s.result, s.outcome, s.urgency, arrayLiteral(s.domains), s.ageBand,
    s.thuiszitter, s.daysOutOfSchoolAtFiling, s.daysOutOfSchoolAtHelpStart, s.referred, day(s.referredMonth), s.decided, s.workingDaysToFirstContact,
    s.workingDaysToReferral, s.workingDaysToDecision, s.workingDaysToHelpStart, s.workingDaysToClose, JSON.stringify(s.stepWorkingDays),
    s.withinNorms, s.assignments, s.assignmentsOnTime, s.transfers, arrayLiteral(s.causes), arrayLiteral(s.organisationKinds), at,
  ];
}
