import { describe, expect, it } from "vitest";
import { may, permissions, type Permission } from "@/lib/domain/permissions";
import { roles } from "@/lib/domain/roles";

describe("permission table", () => {
  const table = Object.entries(permissions) as [Permission, readonly string[]][];

  describe.each(table)("%s", (action, allowed) => {
    it.each(roles.map((role) => [role, allowed.includes(role)] as const))("%s → %s", (role, expected) => {
      expect(may([role], action)).toBe(expected);
    });
  });

  it("fails closed for an unknown action", () => {
    expect(may([...roles], "case.delete")).toBe(false);
  });

  it("fails closed for a user without roles", () => {
    for (const action of Object.keys(permissions)) expect(may([], action)).toBe(false);
  });

  it("lets the ombudsman read but never change a case", () => {
    const changes = Object.keys(permissions).filter((a) => may(["OMBUDSMAN"], a));
    expect(changes.sort()).toEqual(["audit.read", "case.decisionLetter", "case.readDocument", "case.search", "case.view"]);
  });
});
