import { describe, expect, it } from "vitest";
import { assignmentLinkPath, linkExpiresAt, linkState, mayReport } from "@/lib/domain/assignment-links";
import { assignmentInput, organisationReportInput } from "@/lib/domain/inputs";
import { dayFromNow } from "@/tests/support/days";

const at = (iso: string) => new Date(iso);
const inDays = (n: number) => dayFromNow(n);

describe("an organisation's link", () => {
  it("works 60 days past the due day, and at least 30 days from sending", () => {
    expect(linkExpiresAt(at("2026-03-01T10:00:00Z"), at("2026-04-01T00:00:00Z"))).toEqual(at("2026-05-31T00:00:00Z"));
    // A due day that is close (or past, for a new link): 30 days from now.
    expect(linkExpiresAt(at("2026-03-01T10:00:00Z"), at("2026-01-15T00:00:00Z"))).toEqual(at("2026-03-31T10:00:00Z"));
  });

  it("is revoked before it is expired, and open until the moment it expires", () => {
    const expiresAt = at("2026-05-01T00:00:00Z");
    expect(linkState({ expiresAt, revokedAt: null }, at("2026-04-30T23:59:59Z"))).toBe("open");
    expect(linkState({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
    expect(linkState({ expiresAt, revokedAt: at("2026-04-01T00:00:00Z") }, at("2026-06-01T00:00:00Z"))).toBe("revoked");
  });

  it("takes receipt once, and done or a problem while the task is open, nothing once the case is closed", () => {
    expect(mayReport("RECEIVED", { status: "OPEN", receivedAt: null }, false)).toBe(true);
    expect(mayReport("RECEIVED", { status: "OPEN", receivedAt: at("2026-03-02T09:00:00Z") }, false)).toBe(false);
    expect(mayReport("DONE", { status: "OPEN", receivedAt: null }, false)).toBe(true);
    expect(mayReport("PROBLEM", { status: "DONE", receivedAt: null }, false)).toBe(false);
    expect(mayReport("DONE", { status: "ENDED", receivedAt: null }, false)).toBe(false);
    expect(mayReport("RECEIVED", { status: "DONE", receivedAt: null }, true)).toBe(false);
  });

  it("lands on the organisation's page", () => {
    expect(assignmentLinkPath("abc")).toBe("/opdracht/abc");
  });
});

describe("what an organisation reports", () => {
  it("needs a day that has been and what was done for 'done', and a reason for a problem", () => {
    expect(organisationReportInput.safeParse({ kind: "RECEIVED" }).success).toBe(true);
    expect(organisationReportInput.safeParse({ kind: "DONE", doneOn: inDays(0), reportNote: "De intake was vandaag." }).success).toBe(true);
    const future = organisationReportInput.safeParse({ kind: "DONE", doneOn: inDays(3), reportNote: "De intake is gepland." });
    expect(future.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["doneOn", "dateInFuture"]]);
    const noReason = organisationReportInput.safeParse({ kind: "PROBLEM", reportNote: " " });
    // The form shows the first message of a field.
    expect(noReason.error?.issues.map((i) => [i.path.join("."), i.message])[0]).toEqual(["reportNote", "required"]);
    expect(organisationReportInput.safeParse({ kind: "NOT_DONE", reportNote: "Niet gebeurd." }).success).toBe(false);
    expect(organisationReportInput.safeParse({ kind: "RECEIVED", reportNote: "extra" }).success).toBe(false);
  });
});

describe("a task of a decision", () => {
  const task = { description: "Een plek op school", dueOn: inDays(10), payer: "Samenwerkingsverband" };

  it("names an organisation of the case, or a party typed in words", () => {
    expect(assignmentInput.parse({ ...task, caseOrganisationId: "cm0abc", party: "" })).toMatchObject({ caseOrganisationId: "cm0abc", party: null });
    expect(assignmentInput.parse({ ...task, caseOrganisationId: "", party: "Gemeente Den Haag" })).toMatchObject({ caseOrganisationId: undefined, party: "Gemeente Den Haag" });
  });

  it("refuses neither, at the party's field, and an id that is none", () => {
    const neither = assignmentInput.safeParse({ ...task, caseOrganisationId: "", party: "  " });
    expect(neither.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["party", "required"]]);
    const short = assignmentInput.safeParse({ ...task, party: "X" });
    expect(short.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["party", "tooShort"]]);
    expect(assignmentInput.safeParse({ ...task, caseOrganisationId: "'; DROP TABLE", party: "" }).success).toBe(false);
  });
});
