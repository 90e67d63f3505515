import { describe, expect, it } from "vitest";
import { endOfAmsterdamDay } from "@/lib/domain/deadlines";
import { closeCaseInput, reportAssignmentInput, settleAssignmentInput } from "@/lib/domain/inputs";
import {
  currentDecisions,
  isAssignmentOverdue,
  mayCloseCase,
  openAssignmentCount,
  overdueCutoff,
  shownAssignmentStatus,
  statusHistory,
  stepDurations,
  type AssignmentStatus,
} from "@/lib/domain/monitoring";

/** A date column's value: midnight UTC of the day. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Noon in Amsterdam in winter (UTC+1). */
const noon = (iso: string) => new Date(`${iso}T11:00:00Z`);

describe("an assignment's shown status", () => {
  it.each([
    ["OPEN", "2026-03-10", noon("2026-03-09"), "open"],
    ["OPEN", "2026-03-10", noon("2026-03-10"), "open"],
    ["OPEN", "2026-03-10", noon("2026-03-11"), "overdue"],
    ["DONE", "2026-03-10", noon("2026-04-11"), "done"],
    ["ENDED", "2026-03-10", noon("2026-04-11"), "ended"],
  ] as const)("%s due %s at %s is %s", (status, due, now, shown) => {
    expect(shownAssignmentStatus({ status, dueOn: day(due) }, now)).toBe(shown);
  });

  it("counts the due day in Amsterdam, not in UTC", () => {
    const due = { status: "OPEN" as const, dueOn: day("2026-03-10") };
    // 23:30 UTC on the 10th is already the 11th in Amsterdam.
    expect(isAssignmentOverdue(due, new Date("2026-03-10T23:30:00Z"))).toBe(true);
    // The last moment of the due day in Amsterdam is still on time.
    expect(isAssignmentOverdue(due, endOfAmsterdamDay("2026-03-10"))).toBe(false);
    // Summer time: 22:30 UTC on 10 July is 00:30 on 11 July in Amsterdam.
    expect(isAssignmentOverdue({ status: "OPEN", dueOn: day("2026-07-10") }, new Date("2026-07-10T22:30:00Z"))).toBe(true);
    expect(isAssignmentOverdue({ status: "OPEN", dueOn: day("2026-07-10") }, new Date("2026-07-10T21:30:00Z"))).toBe(false);
  });

  it("gives the scan a cutoff that agrees with the rule for a date column", () => {
    for (const now of [new Date("2026-03-10T23:30:00Z"), noon("2026-03-10"), new Date("2026-07-10T22:30:00Z")]) {
      for (const due of ["2026-03-09", "2026-03-10", "2026-03-11", "2026-07-09", "2026-07-10", "2026-07-11"]) {
        expect(day(due) < overdueCutoff(now), `${due} at ${now.toISOString()}`).toBe(
          isAssignmentOverdue({ status: "OPEN", dueOn: day(due) }, now),
        );
      }
    }
  });
});

describe("closing a case with a decision", () => {
  const decision = (id: string, supersedesId: string | null, statuses: AssignmentStatus[]) => ({
    id,
    supersedesId,
    assignments: statuses.map((status) => ({ status })),
  });

  it("may close without a decision", () => {
    expect(mayCloseCase([])).toBe(true);
  });

  it("may not close while an assignment of the current decision is open", () => {
    expect(mayCloseCase([decision("d1", null, ["DONE", "OPEN"])])).toBe(false);
    expect(openAssignmentCount([decision("d1", null, ["OPEN", "DONE", "OPEN"])])).toBe(2);
  });

  it("may close once every assignment is done or ended", () => {
    expect(mayCloseCase([decision("d1", null, ["DONE", "ENDED"])])).toBe(true);
  });

  it("looks only at the decision that is not superseded", () => {
    const decisions = [decision("d1", null, ["OPEN"]), decision("d2", "d1", ["DONE"])];
    expect(currentDecisions(decisions).map((d) => d.id)).toEqual(["d2"]);
    expect(mayCloseCase(decisions)).toBe(true);
    expect(mayCloseCase([decision("d1", null, ["DONE"]), decision("d2", "d1", ["OPEN"])])).toBe(false);
  });
});

describe("the step durations of the evaluation", () => {
  const event = (action: string, at: Date, from: string | null, to: string, outcome = "SUCCESS") => ({
    action,
    occurredAt: at,
    outcome,
    changes: { status: { old: from, new: to } },
  });

  it("reads the steps from the audit trail's status changes, skipping reads, refusals and other changes", () => {
    const created = noon("2026-03-02");
    const history = statusHistory(created, [
      event("case.file", created, null, "SUBMITTED"),
      { action: "case.read", occurredAt: noon("2026-03-03"), changes: null },
      event("case.claim", noon("2026-03-03"), "SUBMITTED", "TRIAGE"),
      event("case.startLocal", noon("2026-03-05"), "TRIAGE", "IN_PROGRESS"),
      // An assignment's status in the changes is not the case's step.
      { action: "case.settleAssignment", occurredAt: noon("2026-03-06"), changes: { assignmentStatus: { old: "OPEN", new: "DONE" } } },
      event("case.decide", noon("2026-03-06"), "IN_PROGRESS", "DECIDED", "DENIED"),
      event("case.requestInfo", noon("2026-03-09"), "IN_PROGRESS", "INFO_REQUESTED"),
      event("case.answer", noon("2026-03-11"), "INFO_REQUESTED", "IN_PROGRESS"),
    ]);
    expect(history.map((h) => h.status)).toEqual(["SUBMITTED", "TRIAGE", "IN_PROGRESS", "INFO_REQUESTED", "IN_PROGRESS"]);
  });

  it("sums working days per step, twice-visited steps together, weekends left out", () => {
    // Mon 2 March → Tue 3 → Thu 5 → Mon 9 → Wed 11 → closed Fri 13 March 2026
    const history = [
      { status: "SUBMITTED", at: noon("2026-03-02") },
      { status: "TRIAGE", at: noon("2026-03-03") },
      { status: "IN_PROGRESS", at: noon("2026-03-05") },
      { status: "INFO_REQUESTED", at: noon("2026-03-09") },
      { status: "IN_PROGRESS", at: noon("2026-03-11") },
    ] as const;
    const durations = stepDurations([...history], noon("2026-03-13"));
    expect(durations).toEqual({
      steps: [
        { status: "SUBMITTED", workingDays: 1 },
        { status: "TRIAGE", workingDays: 2 },
        { status: "INFO_REQUESTED", workingDays: 2 },
        { status: "IN_PROGRESS", workingDays: 2 + 2 },
      ],
      total: 9,
    });
    const sum = durations.steps.reduce((a, s) => a + s.workingDays, 0);
    expect(sum).toBe(durations.total);
  });

  it("leaves out public holidays and gives 0 for a step entered and left on one day", () => {
    // King's Day, Monday 27 April 2026, is a public holiday.
    const durations = stepDurations(
      [
        { status: "SUBMITTED", at: noon("2026-04-24") },
        { status: "TRIAGE", at: new Date("2026-04-24T14:00:00Z") },
      ],
      noon("2026-04-28"),
    );
    expect(durations).toEqual({
      steps: [
        { status: "SUBMITTED", workingDays: 0 },
        { status: "TRIAGE", workingDays: 1 },
      ],
      total: 1,
    });
  });

  it("lists the steps in the order of the lifecycle", () => {
    const durations = stepDurations(
      [
        { status: "SUBMITTED", at: noon("2026-03-02") },
        { status: "TRIAGE", at: noon("2026-03-02") },
        { status: "WITH_EXPERT_TEAM", at: noon("2026-03-03") },
        { status: "DECISION_PROPOSED", at: noon("2026-03-04") },
        { status: "DECIDED", at: noon("2026-03-05") },
      ],
      noon("2026-03-10"),
    );
    expect(durations.steps.map((s) => s.status)).toEqual(["SUBMITTED", "TRIAGE", "WITH_EXPERT_TEAM", "DECISION_PROPOSED", "DECIDED"]);
    expect(durations.steps.at(-1)).toEqual({ status: "DECIDED", workingDays: 3 });
  });
});

describe("the closing and follow-up forms", () => {
  const close = {
    caseId: "c1",
    result: "RESOLVED",
    closingNote: "De hulp is geregeld en uw kind gaat weer naar school.",
    causes: ["WAITING_LIST", "WAITING_LIST", "OTHER"],
    organisationKinds: ["SCHOOL"],
    outcome: "LOCAL_AGREEMENT",
    helpStartedOn: "2026-01-05",
    blockedNote: "",
    breakthroughNote: "Een gesprek met alle partijen samen.",
  };

  it("keeps each cause once and an empty note as none", () => {
    expect(closeCaseInput.parse(close)).toMatchObject({ causes: ["WAITING_LIST", "OTHER"], blockedNote: null });
  });

  it("asks for at least one cause and for what broke through", () => {
    const result = closeCaseInput.safeParse({ ...close, causes: [], breakthroughNote: " " });
    expect(result.success).toBe(false);
    // The first message per field, as the server action shows it.
    const issues: Record<string, string> = {};
    for (const i of result.error?.issues ?? []) issues[i.path.join(".")] ??= i.message;
    expect(issues).toMatchObject({ causes: "pickOne", breakthroughNote: "required" });
  });

  it("refuses a cause that is not on the list, such as a key of the list before it", () => {
    expect(closeCaseInput.safeParse({ ...close, causes: ["BUREAUCRACY"] }).success).toBe(false);
    expect(closeCaseInput.safeParse({ ...close, causes: ["FUNDING_DISPUTE"] }).success).toBe(false);
  });

  it("settles only as done or ended, with a note", () => {
    const settle = { caseId: "c1", assignmentId: "a1", outcome: "DONE", statusNote: "De plek is bevestigd." };
    expect(settleAssignmentInput.safeParse(settle).success).toBe(true);
    expect(settleAssignmentInput.safeParse({ ...settle, outcome: "OPEN" }).success).toBe(false);
    expect(settleAssignmentInput.safeParse({ ...settle, statusNote: "" }).success).toBe(false);
    expect(reportAssignmentInput.safeParse({ caseId: "c1", assignmentId: "a1", reportNote: "" }).success).toBe(false);
  });
});
