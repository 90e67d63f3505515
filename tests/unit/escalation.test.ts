import { describe, expect, it } from "vitest";
import { endOfAmsterdamDay } from "@/lib/domain/deadlines";
import {
  EXPERT_ESCALATION_WORKING_DAYS,
  escalationLevelAt,
  expertEscalationAt,
  expertLevelCutoff,
  targetEscalationLevel,
} from "@/lib/domain/escalation";

const at = (iso: string) => new Date(iso);
// Deadline at the end of Tuesday 24 November 2026 (Amsterdam)
const deadline = endOfAmsterdamDay("2026-11-24");

describe("escalation of an overdue case", () => {
  it("waits five working days before the expert team is called in", () => {
    expect(EXPERT_ESCALATION_WORKING_DAYS).toBe(5);
  });

  it("stays at 0 until the deadline has passed, and for a stopped clock", () => {
    expect(escalationLevelAt(deadline, at("2026-11-24T12:00:00+01:00"))).toBe(0);
    expect(escalationLevelAt(deadline, deadline)).toBe(0);
    expect(escalationLevelAt(null, at("2030-01-01T00:00:00Z"))).toBe(0);
    expect(targetEscalationLevel(null, at("2030-01-01T00:00:00Z"), 0)).toBe(0);
  });

  it("goes to 1 right after the deadline", () => {
    expect(escalationLevelAt(deadline, new Date(deadline.getTime() + 1))).toBe(1);
    expect(escalationLevelAt(deadline, at("2026-11-25T08:00:00+01:00"))).toBe(1);
  });

  it("goes to 2 once still overdue five working days after the deadline", () => {
    // 25, 26, 27, 30 November, 1 December: level 2 after the end of Tuesday 1 December
    expect(expertEscalationAt(deadline).toISOString()).toBe("2026-12-01T22:59:59.999Z");
    expect(escalationLevelAt(deadline, at("2026-12-01T23:00:00+01:00"))).toBe(1);
    expect(escalationLevelAt(deadline, at("2026-12-02T00:00:00+01:00"))).toBe(2);
  });

  it("counts working days for level 2: holidays push it back", () => {
    // Deadline Wednesday 23 December 2026: 24, 28, 29, 30, 31 December → level 2 from Friday 1 January... which is a holiday, so after the 31st
    const beforeChristmas = endOfAmsterdamDay("2026-12-23");
    expect(expertEscalationAt(beforeChristmas).toISOString()).toBe("2026-12-31T22:59:59.999Z");
    expect(escalationLevelAt(beforeChristmas, at("2026-12-31T20:00:00+01:00"))).toBe(1);
    expect(escalationLevelAt(beforeChristmas, at("2027-01-01T10:00:00+01:00"))).toBe(2);
  });

  it("never goes down while the case stays in its step", () => {
    expect(targetEscalationLevel(deadline, at("2026-11-25T10:00:00+01:00"), 2)).toBe(2);
    expect(targetEscalationLevel(deadline, at("2026-11-20T10:00:00+01:00"), 1)).toBe(1);
  });

  it("raises from the level the case is at to the level the rule gives", () => {
    expect(targetEscalationLevel(deadline, at("2026-11-25T10:00:00+01:00"), 0)).toBe(1);
    expect(targetEscalationLevel(deadline, at("2026-11-25T10:00:00+01:00"), 1)).toBe(1);
    expect(targetEscalationLevel(deadline, at("2026-12-02T10:00:00+01:00"), 1)).toBe(2);
    // A case the scan did not see for a week goes straight to 2
    expect(targetEscalationLevel(deadline, at("2026-12-02T10:00:00+01:00"), 0)).toBe(2);
  });

  it("finds by deadline exactly the cases the rule puts at level 2", () => {
    // Every end-of-day deadline from October 2026 to February 2027, checked at moments around the holidays.
    const moments = ["2026-12-02T00:00:00+01:00", "2026-12-31T23:59:59+01:00", "2027-01-01T00:00:01+01:00", "2027-01-11T08:00:00+01:00"];
    for (const iso of moments) {
      const now = at(iso);
      const cutoff = expertLevelCutoff(now);
      for (let d = new Date("2026-10-01T12:00:00Z"); d < new Date("2027-02-01T12:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
        const deadlineAt = endOfAmsterdamDay(d.toISOString().slice(0, 10));
        expect(deadlineAt < cutoff, `${iso} ${deadlineAt.toISOString()}`).toBe(escalationLevelAt(deadlineAt, now) === 2);
      }
    }
    // About 500 working-day counts over the holiday calendar: seconds on a busy 2-core machine.
  }, 30_000);
});
