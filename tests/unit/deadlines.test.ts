import { describe, expect, it } from "vitest";
import { stateNorms } from "@/lib/domain/case-machine";
import {
  addWorkingDays,
  amsterdamDay,
  clockStatuses,
  deadlineFor,
  endOfAmsterdamDay,
  isPublicHoliday,
  isWorkingDay,
  normFor,
  remainingWorkingDays,
  resumeDeadline,
  workingDaysBetween,
} from "@/lib/domain/deadlines";

const at = (iso: string) => new Date(iso);

describe("working days", () => {
  it("skips the weekend", () => {
    // Friday 20 November 2026 + 1 working day = Monday 23 November
    expect(addWorkingDays(at("2026-11-20T10:00:00+01:00"), 1)).toBe("2026-11-23");
  });

  it("skips Koningsdag", () => {
    // Friday 24 April 2026 + 1 = Tuesday 28 April (Monday 27 April is Koningsdag)
    expect(addWorkingDays(at("2026-04-24T10:00:00+02:00"), 1)).toBe("2026-04-28");
  });

  it("skips Good Friday's weekend and Easter Monday", () => {
    // Thursday 2 April 2026 + 1 = Friday 3 April (Good Friday is not a public holiday)
    expect(addWorkingDays(at("2026-04-02T10:00:00+02:00"), 1)).toBe("2026-04-03");
    // Friday 3 April + 1 = Tuesday 7 April (Easter Monday 6 April)
    expect(addWorkingDays(at("2026-04-03T10:00:00+02:00"), 1)).toBe("2026-04-07");
  });

  it("skips Christmas next to a weekend", () => {
    // Thursday 24 December 2026 + 1 = Monday 28 December (25 Fri, 26 Sat, 27 Sun)
    expect(addWorkingDays(at("2026-12-24T10:00:00+01:00"), 1)).toBe("2026-12-28");
  });

  it("counts the Amsterdam calendar day, not the UTC one", () => {
    // 23:30 UTC on Sunday is already Monday in Amsterdam
    expect(amsterdamDay(at("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(addWorkingDays(at("2026-11-22T23:30:00Z"), 1)).toBe("2026-11-24");
  });

  it("knows weekdays, weekends and holidays", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true);
    expect(isWorkingDay("2026-11-22")).toBe(false);
    expect(isWorkingDay("2026-05-14")).toBe(false); // Hemelvaartsdag
  });
});

describe("deadlines", () => {
  it("fall at the end of the Amsterdam day, in winter and in summer", () => {
    expect(endOfAmsterdamDay("2026-11-24").toISOString()).toBe("2026-11-24T22:59:59.999Z");
    expect(endOfAmsterdamDay("2026-07-01").toISOString()).toBe("2026-07-01T21:59:59.999Z");
  });

  it("follow each state's norm", () => {
    // Filed on Friday 20 November: 2 working days → Tuesday 24 November
    expect(deadlineFor("SUBMITTED", at("2026-11-20T10:00:00+01:00"))?.toISOString()).toBe("2026-11-24T22:59:59.999Z");
  });

  it("stop while waiting for the family", () => {
    expect(deadlineFor("INFO_REQUESTED", at("2026-11-20T10:00:00+01:00"))).toBeNull();
  });
});

describe("a stopped clock", () => {
  it("keeps the working days that were left, across a weekend and Christmas", () => {
    // From Wednesday 23 December 2026 to the deadline on Tuesday 29 December: 24, 28, 29 count.
    expect(workingDaysBetween(at("2026-12-23T10:00:00+01:00"), endOfAmsterdamDay("2026-12-29"))).toBe(3);
    expect(workingDaysBetween(at("2026-12-23T10:00:00+01:00"), at("2026-12-23T18:00:00+01:00"))).toBe(0);
    expect(workingDaysBetween(at("2026-12-30T10:00:00+01:00"), endOfAmsterdamDay("2026-12-29"))).toBe(0);
  });

  it("gives them back from the day the family answers", () => {
    const answered = at("2027-01-04T09:00:00+01:00"); // Monday
    expect(addWorkingDays(answered, 3)).toBe("2027-01-07");
  });
});

describe("Dutch public holidays", () => {
  it("Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday", () => {
    expect(isPublicHoliday("2026-04-27")).toBe(true); // Monday
    expect(isPublicHoliday("2025-04-26")).toBe(true); // Saturday; 27 April 2025 is a Sunday
    expect(isPublicHoliday("2025-04-27")).toBe(false);
    // Moved to a Saturday it costs no working day: Friday 25 April 2025 + 1 = Monday 28 April
    expect(addWorkingDays(at("2025-04-25T10:00:00+02:00"), 1)).toBe("2025-04-28");
  });

  it("Easter Monday, Ascension Day and Whit Monday do not count", () => {
    // Thursday 17 April 2025 + 2 = Tuesday 22 April (Good Friday counts, Easter Monday 21 April does not)
    expect(addWorkingDays(at("2025-04-17T10:00:00+02:00"), 2)).toBe("2025-04-22");
    // Wednesday 13 May 2026 + 1 = Friday 15 May (Ascension Day Thursday 14 May)
    expect(addWorkingDays(at("2026-05-13T10:00:00+02:00"), 1)).toBe("2026-05-15");
    // Friday 22 May 2026 + 1 = Tuesday 26 May (weekend, then Whit Monday 25 May)
    expect(addWorkingDays(at("2026-05-22T10:00:00+02:00"), 1)).toBe("2026-05-26");
    expect(isWorkingDay("2025-06-09")).toBe(false); // Whit Monday 2025
  });

  it("Christmas Day and Boxing Day do not count, also on weekdays", () => {
    // Wednesday 24 December 2025 + 1 = Monday 29 December (25 Thu, 26 Fri, then the weekend)
    expect(addWorkingDays(at("2025-12-24T10:00:00+01:00"), 1)).toBe("2025-12-29");
    expect(isWorkingDay("2025-12-25")).toBe(false);
    expect(isWorkingDay("2025-12-26")).toBe(false);
  });

  it("carry a deadline across New Year; New Year's Eve is a working day", () => {
    expect(isWorkingDay("2025-12-31")).toBe(true);
    expect(isWorkingDay("2026-01-01")).toBe(false);
    // Filed Tuesday 30 December 2025: 31 December (1), 1 January skipped, Friday 2 January (2)
    expect(deadlineFor("SUBMITTED", at("2025-12-30T10:00:00+01:00"))?.toISOString()).toBe("2026-01-02T22:59:59.999Z");
    expect(workingDaysBetween(at("2025-12-30T10:00:00+01:00"), at("2026-01-05T09:00:00+01:00"))).toBe(3);
  });

  it("Bevrijdingsdag (5 May) counts as a working day, also in a lustrum year: date-holidays does not make it a public holiday", () => {
    // What we rely on: the library lists it, but not as type "public" (2025 and 2030 are lustrum years).
    for (const day of ["2025-05-05", "2026-05-05", "2030-05-05"]) expect(isPublicHoliday(day)).toBe(false);
    expect(isWorkingDay("2025-05-05")).toBe(true); // Monday
    // Friday 2 May 2025 + 1 = Monday 5 May
    expect(addWorkingDays(at("2025-05-02T10:00:00+02:00"), 1)).toBe("2025-05-05");
  });

  it("Good Friday counts as a working day", () => {
    expect(isPublicHoliday("2025-04-18")).toBe(false);
    expect(isWorkingDay("2025-04-18")).toBe(true);
  });
});

describe("daylight saving time", () => {
  it("ends the day at 23:59:59.999 Amsterdam time on both sides of each change", () => {
    // Summer time starts on Sunday 29 March 2026, ends on Sunday 25 October 2026.
    expect(endOfAmsterdamDay("2026-03-28").toISOString()).toBe("2026-03-28T22:59:59.999Z");
    expect(endOfAmsterdamDay("2026-03-29").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(endOfAmsterdamDay("2026-10-24").toISOString()).toBe("2026-10-24T21:59:59.999Z");
    expect(endOfAmsterdamDay("2026-10-25").toISOString()).toBe("2026-10-25T22:59:59.999Z");
  });

  it("gives a deadline in summer time for a case filed in winter time, and the other way round", () => {
    // Filed Friday 27 March 2026 (UTC+1): 2 working days → Tuesday 31 March, end of day UTC+2
    expect(deadlineFor("SUBMITTED", at("2026-03-27T10:00:00+01:00"))?.toISOString()).toBe("2026-03-31T21:59:59.999Z");
    // Filed Friday 23 October 2026 (UTC+2): 2 working days → Tuesday 27 October, end of day UTC+1
    expect(deadlineFor("SUBMITTED", at("2026-10-23T10:00:00+02:00"))?.toISOString()).toBe("2026-10-27T22:59:59.999Z");
  });

  it("takes the Amsterdam day of an instant in summer time", () => {
    expect(amsterdamDay(at("2026-07-01T21:59:59.999Z"))).toBe("2026-07-01");
    expect(amsterdamDay(at("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});

describe("per-gemeente norms", () => {
  it("use the gemeente's own norm, else the default", () => {
    expect(normFor("TRIAGE")).toBe(stateNorms.TRIAGE);
    expect(normFor("TRIAGE", { TRIAGE: 8 })).toBe(8);
    expect(normFor("IN_PROGRESS", { TRIAGE: 8 })).toBe(stateNorms.IN_PROGRESS);
  });

  it("never give a norm to a step whose clock does not run, whatever is stored", () => {
    expect(normFor("INFO_REQUESTED", { INFO_REQUESTED: 3 })).toBeNull();
    expect(normFor("MONITORING", { MONITORING: 3 })).toBeNull();
    expect(normFor("CLOSED", { CLOSED: 3 })).toBeNull();
    expect(deadlineFor("INFO_REQUESTED", at("2026-11-20T10:00:00+01:00"), { INFO_REQUESTED: 3 })).toBeNull();
  });

  it("move the deadline", () => {
    // Filed Friday 20 November 2026 with a norm of 1 for SUBMITTED → Monday 23 November
    expect(deadlineFor("SUBMITTED", at("2026-11-20T10:00:00+01:00"), { SUBMITTED: 1 })?.toISOString()).toBe(
      "2026-11-23T22:59:59.999Z",
    );
  });

  it("can be set exactly for the steps whose clock runs", () => {
    expect(clockStatuses).toEqual(["SUBMITTED", "TRIAGE", "IN_PROGRESS", "WITH_EXPERT_TEAM", "DECISION_PROPOSED"]);
  });
});

describe("suspending and resuming the clock", () => {
  it("keeps the working days left and gives them back from the day the family answers", () => {
    // Deadline Tuesday 29 December 2026; the question is asked on Wednesday 23 December: 24, 28 and 29 are left.
    const deadline = endOfAmsterdamDay("2026-12-29");
    const left = remainingWorkingDays(at("2026-12-23T10:00:00+01:00"), deadline);
    expect(left).toBe(3);
    // Answered Thursday 31 December: the count starts after that day, as it did when the clock stopped:
    // (1 January, the weekend) 4, 5 and 6 January
    expect(resumeDeadline(at("2026-12-31T15:00:00+01:00"), left).toISOString()).toBe("2027-01-06T22:59:59.999Z");
  });

  it("keeps nothing when the question is asked on the last day or later, so the case is due the day of the answer", () => {
    const deadline = endOfAmsterdamDay("2026-11-24");
    expect(remainingWorkingDays(at("2026-11-24T09:00:00+01:00"), deadline)).toBe(0);
    expect(remainingWorkingDays(at("2026-11-26T09:00:00+01:00"), deadline)).toBe(0);
    expect(resumeDeadline(at("2026-11-30T09:00:00+01:00"), 0).toISOString()).toBe("2026-11-30T22:59:59.999Z");
  });

  it("resumes on the next working day's count when the family answers in the weekend", () => {
    // Answered Saturday 28 November 2026 with 2 days left: Monday 30 November and Tuesday 1 December
    expect(resumeDeadline(at("2026-11-28T11:00:00+01:00"), 2).toISOString()).toBe("2026-12-01T22:59:59.999Z");
  });
});
