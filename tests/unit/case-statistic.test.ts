import { describe, expect, it } from "vitest";
import {
  ageBand,
  ageOn,
  calendarDaysBetween,
  computeCaseStatistic,
  monthOf,
  type CaseSnapshot,
  type StatisticEvent,
} from "@/lib/domain/case-statistic";

/** A date column's value: midnight UTC of the day. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

function step(action: string, when: string, from: string | null, to: string): StatisticEvent {
  return { action, occurredAt: at(when), outcome: "SUCCESS", changes: { status: { old: from, new: to } } };
}

/** A case filed on Wednesday 23 December 2026 at 10:00 in Amsterdam, 14 years old, at school. */
function snapshot(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    gemeenteId: "g1",
    regionId: "r1",
    status: "SUBMITTED",
    result: null,
    urgency: "NORMAL",
    domains: ["JEUGDHULP"],
    createdAt: at("2026-12-23T09:00:00Z"),
    closedAt: null,
    childBirthDate: day("2012-03-01"),
    schoolSituation: "ATTENDING",
    outOfSchoolSince: null,
    referredAt: null,
    referral: null,
    transferCount: 0,
    events: [step("case.file", "2026-12-23T09:00:00Z", null, "SUBMITTED")],
    decisions: [],
    evaluation: null,
    norms: {},
    ...over,
  };
}

describe("age at filing", () => {
  it.each([
    ["2013-06-14", "0-3"],
    ["2014-06-14", "0-3"],
    ["2014-06-15", "4-11"],
    ["2022-06-14", "4-11"],
    ["2022-06-15", "12-15"],
    ["2026-06-14", "12-15"],
    ["2026-06-15", "16-17"],
    ["2028-06-14", "16-17"],
    ["2028-06-15", "18+"],
  ] as const)("born 2010-06-15, filed %s: %s", (filed, band) => {
    expect(ageBand(ageOn("2010-06-15", filed))).toBe(band);
  });

  it("counts a birthday on 29 February on 1 March in other years", () => {
    expect(ageOn("2012-02-29", "2016-02-28")).toBe(3);
    expect(ageOn("2012-02-29", "2016-02-29")).toBe(4);
    expect(ageOn("2012-02-29", "2017-02-28")).toBe(4);
    expect(ageOn("2012-02-29", "2017-03-01")).toBe(5);
  });

  it("has no band for a birth after the filing", () => {
    expect(ageBand(ageOn("2027-01-01", "2026-12-23"))).toBeNull();
  });

  it("takes the day of filing in Amsterdam, not in UTC", () => {
    // 23:30 UTC on 31 May is 1 June in Amsterdam: the child born on 1 June 2010 is 16 that day.
    const facts = computeCaseStatistic(snapshot({ createdAt: at("2026-05-31T23:30:00Z"), childBirthDate: day("2010-06-01"), events: [] }));
    expect(facts.ageBand).toBe("16-17");
    expect(facts.filedMonth).toEqual(day("2026-06-01"));
  });
});

describe("months", () => {
  it("is the first day of the month in Amsterdam", () => {
    expect(monthOf(at("2026-01-31T22:59:00Z"))).toEqual(day("2026-01-01"));
    expect(monthOf(at("2026-01-31T23:00:00Z"))).toEqual(day("2026-02-01"));
    expect(monthOf(at("2026-07-31T21:59:00Z"))).toEqual(day("2026-07-01"));
    expect(monthOf(at("2026-07-31T22:00:00Z"))).toEqual(day("2026-08-01"));
  });
});

describe("lead times in working days", () => {
  // Filed Wednesday 23 December 2026. 25 and 26 December and 1 January are public holidays.
  const closedCase = snapshot({
    status: "CLOSED",
    result: "RESOLVED",
    closedAt: at("2027-01-04T14:00:00Z"),
    referredAt: at("2026-12-29T10:00:00Z"),
    events: [
      step("case.file", "2026-12-23T09:00:00Z", null, "SUBMITTED"),
      // Monday 28 December: Thursday 24 and Monday 28 count, Christmas and the weekend do not.
      step("case.claim", "2026-12-28T08:00:00Z", "SUBMITTED", "TRIAGE"),
      step("case.refer", "2026-12-29T10:00:00Z", "TRIAGE", "WITH_EXPERT_TEAM"),
      step("case.propose", "2026-12-31T10:00:00Z", "WITH_EXPERT_TEAM", "DECISION_PROPOSED"),
      step("case.decide", "2027-01-04T08:00:00Z", "DECISION_PROPOSED", "DECIDED"),
      step("case.close", "2027-01-04T14:00:00Z", "DECIDED", "CLOSED"),
    ],
    decisions: [
      { id: "d1", supersedesId: null, createdAt: at("2027-01-04T08:00:00Z"), assignments: [{ status: "DONE", dueOn: day("2027-01-04"), statusAt: at("2027-01-04T12:00:00Z") }] },
    ],
    evaluation: { blockers: ["waitingList", "noMandate", "waitingList"], organisationKinds: ["school"], outcome: "DECISION", helpStartedOn: day("2027-01-05") },
  });

  it("skips weekends and public holidays", () => {
    const facts = computeCaseStatistic(closedCase);
    expect(facts).toMatchObject({
      workingDaysToFirstContact: 2,
      workingDaysToReferral: 3,
      // 24, 28, 29, 30, 31 December and Monday 4 January (1 January is New Year's Day)
      workingDaysToDecision: 6,
      workingDaysToClose: 6,
      workingDaysToHelpStart: 7,
    });
  });

  it("records each step's working days and whether every clocked step kept its norm", () => {
    const facts = computeCaseStatistic(closedCase);
    expect(facts.stepWorkingDays).toEqual({ SUBMITTED: 2, TRIAGE: 1, WITH_EXPERT_TEAM: 2, DECISION_PROPOSED: 1, DECIDED: 0 });
    expect(facts.withinNorms).toBe(true);
    // A gemeente that wants a first response within one working day: the submitted step took two.
    expect(computeCaseStatistic({ ...closedCase, norms: { SUBMITTED: 1 } }).withinNorms).toBe(false);
  });

  it("keeps the month of closing, the outcome, the causes and organisation kinds as keys", () => {
    expect(computeCaseStatistic(closedCase)).toMatchObject({
      step: "CLOSED",
      result: "RESOLVED",
      outcome: "DECISION",
      filedMonth: day("2026-12-01"),
      closedMonth: day("2027-01-01"),
      referred: true,
      decided: true,
      causes: ["noMandate", "waitingList"],
      organisationKinds: ["school"],
      assignments: 1,
      assignmentsOnTime: 1,
    });
  });

  it("keeps the referral's causes while the case is open, and the month it was referred", () => {
    const facts = computeCaseStatistic(
      snapshot({
        status: "WITH_EXPERT_TEAM",
        referredAt: at("2027-01-04T09:00:00Z"),
        referral: { causes: ["WAITING_LIST", "NO_MANDATE", "WAITING_LIST"], organisationKinds: ["GGZ"] },
      }),
    );
    expect(facts).toMatchObject({ referredMonth: day("2027-01-01"), causes: ["NO_MANDATE", "WAITING_LIST"], organisationKinds: ["GGZ"] });
    // Once closed, the evaluation's causes are the case's, also when they differ from the referral's.
    const closed = computeCaseStatistic(
      snapshot({
        status: "CLOSED",
        closedAt: at("2027-02-01T09:00:00Z"),
        referredAt: at("2027-01-04T09:00:00Z"),
        referral: { causes: ["WAITING_LIST"], organisationKinds: ["GGZ"] },
        evaluation: { blockers: ["FUNDING"], organisationKinds: ["ZORGKANTOOR"], outcome: "MAATWERK", helpStartedOn: day("2027-01-20") },
      }),
    );
    expect(closed).toMatchObject({ referredMonth: day("2027-01-01"), causes: ["FUNDING"], organisationKinds: ["ZORGKANTOOR"] });
    expect(computeCaseStatistic(snapshot()).referredMonth).toBeNull();
  });

  it("counts first contact by the expert team for a case that went to the region at filing", () => {
    const facts = computeCaseStatistic(
      snapshot({
        status: "WITH_EXPERT_TEAM",
        referredAt: at("2026-12-23T09:00:00Z"),
        events: [
          step("case.file", "2026-12-23T09:00:00Z", null, "SUBMITTED"),
          step("case.route", "2026-12-23T09:00:00Z", "SUBMITTED", "WITH_EXPERT_TEAM"),
          { action: "case.logIntervention", occurredAt: at("2026-12-29T09:00:00Z"), outcome: "SUCCESS", changes: {} },
        ],
      }),
    );
    expect(facts).toMatchObject({ workingDaysToReferral: 0, workingDaysToFirstContact: 3, stepWorkingDays: { SUBMITTED: 0 } });
  });

  it("has no first contact for a case withdrawn before anyone took it up, and ignores refused actions", () => {
    const facts = computeCaseStatistic(
      snapshot({
        status: "CLOSED",
        result: "WITHDRAWN",
        closedAt: at("2026-12-24T09:00:00Z"),
        events: [
          step("case.file", "2026-12-23T09:00:00Z", null, "SUBMITTED"),
          { action: "case.claim", occurredAt: at("2026-12-23T10:00:00Z"), outcome: "DENIED", changes: {} },
          step("case.withdraw", "2026-12-24T09:00:00Z", "SUBMITTED", "CLOSED"),
        ],
      }),
    );
    expect(facts).toMatchObject({ workingDaysToFirstContact: null, workingDaysToClose: 1, withinNorms: true });
  });
});

describe("an open case", () => {
  it("has no month of closing, no verdict on the norms, and only the steps it has left", () => {
    const facts = computeCaseStatistic(
      snapshot({
        status: "TRIAGE",
        events: [step("case.file", "2026-12-23T09:00:00Z", null, "SUBMITTED"), step("case.claim", "2026-12-24T09:00:00Z", "SUBMITTED", "TRIAGE")],
      }),
    );
    expect(facts).toMatchObject({ step: "TRIAGE", closedMonth: null, withinNorms: null, workingDaysToClose: null, stepWorkingDays: { SUBMITTED: 1 } });
  });

  it("does not count the closing date of a case that is not closed", () => {
    expect(computeCaseStatistic(snapshot({ status: "MONITORING", closedAt: at("2027-01-04T14:00:00Z") })).closedMonth).toBeNull();
  });
});

describe("thuiszitters", () => {
  it("counts the calendar days out of school at filing and at the start of help", () => {
    const facts = computeCaseStatistic(
      snapshot({
        schoolSituation: "NONE",
        outOfSchoolSince: day("2026-09-01"),
        evaluation: { blockers: [], organisationKinds: [], outcome: null, helpStartedOn: day("2027-01-11") },
      }),
    );
    expect(facts).toMatchObject({ thuiszitter: true, daysOutOfSchoolAtFiling: 113, daysOutOfSchoolAtHelpStart: 132 });
  });

  it("counts partial school too, and a child at school has no days out of school", () => {
    expect(computeCaseStatistic(snapshot({ schoolSituation: "PARTLY", outOfSchoolSince: null })).thuiszitter).toBe(true);
    expect(computeCaseStatistic(snapshot({ schoolSituation: "ATTENDING", outOfSchoolSince: day("2026-09-01") }))).toMatchObject({
      thuiszitter: false,
      daysOutOfSchoolAtFiling: null,
    });
    expect(calendarDaysBetween("2026-12-23", "2026-12-01")).toBe(0);
  });
});

describe("assignments of the decision", () => {
  it("counts those of the current decision, done on or before their day in Amsterdam", () => {
    const facts = computeCaseStatistic(
      snapshot({
        status: "MONITORING",
        decisions: [
          { id: "old", supersedesId: null, createdAt: at("2026-06-01T10:00:00Z"), assignments: [{ status: "ENDED", dueOn: day("2026-07-01"), statusAt: at("2026-06-20T10:00:00Z") }] },
          {
            id: "new",
            supersedesId: "old",
            createdAt: at("2026-06-20T10:00:00Z"),
            assignments: [
              { status: "DONE", dueOn: day("2026-07-10"), statusAt: at("2026-07-10T21:30:00Z") },
              // 22:30 UTC on 10 July is 11 July in Amsterdam: a day late.
              { status: "DONE", dueOn: day("2026-07-10"), statusAt: at("2026-07-10T22:30:00Z") },
              { status: "ENDED", dueOn: day("2026-07-10"), statusAt: at("2026-07-01T10:00:00Z") },
              { status: "OPEN", dueOn: day("2026-08-10"), statusAt: null },
            ],
          },
        ],
      }),
    );
    expect(facts).toMatchObject({ decided: true, assignments: 4, assignmentsOnTime: 1 });
  });

  it("counts the day an organisation said it was done, not the day its report arrived", () => {
    const decided = (assignments: CaseSnapshot["decisions"][number]["assignments"]) =>
      computeCaseStatistic(snapshot({ status: "MONITORING", decisions: [{ id: "d", supersedesId: null, createdAt: at("2026-06-01T10:00:00Z"), assignments }] }));
    // Reported two days late, done on the due day: on time.
    expect(decided([{ status: "DONE", dueOn: day("2026-07-10"), statusAt: at("2026-07-12T09:00:00Z"), doneOn: day("2026-07-10") }]).assignmentsOnTime).toBe(1);
    // Reported before the due day, but done (the organisation says) a day after it: late.
    expect(decided([{ status: "DONE", dueOn: day("2026-07-10"), statusAt: at("2026-07-09T09:00:00Z"), doneOn: day("2026-07-11") }]).assignmentsOnTime).toBe(0);
  });
});
