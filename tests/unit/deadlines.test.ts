import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  amsterdamDay,
  deadlineFor,
  endOfAmsterdamDay,
  isWorkingDay,
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
