import { describe, expect, it } from "vitest";
import {
  acceptInvitationInput,
  canAccept,
  hashInvitationToken,
  invitationExpiresAt,
  invitationState,
  invitationToken,
  involvementOf,
  inviteToCaseInput,
  isWellFormedToken,
  mayInviteAs,
  rolesInvitableBy,
  sameEmail,
} from "@/lib/domain/invitations";
import { roles, type Role } from "@/lib/domain/roles";

const now = new Date("2026-03-02T10:00:00Z");
const open = { expiresAt: invitationExpiresAt(now), acceptedAt: null, revokedAt: null };

describe("who may invite whom", () => {
  const table: [Role[], string, boolean][] = [
    [["FAMILY"], "CLIENT_SUPPORTER", true],
    [["FAMILY"], "PROFESSIONAL", true],
    [["FAMILY"], "PARENT", true],
    [["PROFESSIONAL"], "CLIENT_SUPPORTER", true],
    [["PROFESSIONAL"], "PROFESSIONAL", true],
    [["PROFESSIONAL"], "PARENT", false],
    [["FAMILY"], "FILER", false],
    [["FAMILY"], "YOUTH", false],
    [["FAMILY"], "SOMETHING_ELSE", false],
    [[], "CLIENT_SUPPORTER", false],
  ];
  it.each(table)("%j inviting a %s: %s", (held, role, allowed) => {
    expect(mayInviteAs(held, role)).toBe(allowed);
  });

  it("gives staff no invitation rights at all", () => {
    for (const role of roles.filter((r) => r !== "FAMILY" && r !== "PROFESSIONAL")) {
      expect(rolesInvitableBy([role]), role).toEqual([]);
    }
  });
});

describe("the life of an invitation", () => {
  it("is open for 14 days", () => {
    expect(open.expiresAt.toISOString()).toBe("2026-03-16T10:00:00.000Z");
    expect(canAccept(open, now)).toBe(true);
    expect(canAccept(open, new Date("2026-03-16T09:59:59Z"))).toBe(true);
    expect(invitationState(open, new Date("2026-03-16T10:00:00Z"))).toBe("expired");
  });

  it("cannot be accepted once accepted or revoked, and says which", () => {
    expect(invitationState({ ...open, acceptedAt: now }, now)).toBe("accepted");
    expect(invitationState({ ...open, revokedAt: now }, now)).toBe("revoked");
    expect(canAccept({ ...open, acceptedAt: now }, now)).toBe(false);
    expect(canAccept({ ...open, revokedAt: now }, now)).toBe(false);
    const later = new Date("2026-04-01T00:00:00Z");
    expect(invitationState({ ...open, acceptedAt: now }, later)).toBe("accepted");
  });
});

describe("invitation links", () => {
  it("are 32 bytes in base64url, different per message and per secret, and stable for one message", () => {
    const a = invitationToken("secret-one", "message-1");
    expect(isWellFormedToken(a)).toBe(true);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(invitationToken("secret-one", "message-1")).toBe(a);
    expect(invitationToken("secret-one", "message-2")).not.toBe(a);
    expect(invitationToken("secret-two", "message-1")).not.toBe(a);
    expect(() => invitationToken("", "message-1")).toThrow();
  });

  it("are kept only as a SHA-256 hash", () => {
    const token = invitationToken("s", "m");
    const hash = hashInvitationToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it("are not looked up when they do not look like a token", () => {
    for (const bad of ["", "abc", "a".repeat(44), `${"a".repeat(42)}=`, "../../etc/passwd", null, 12]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
    expect(acceptInvitationInput.safeParse({ token: "short" }).success).toBe(false);
  });
});

describe("e-mail addresses", () => {
  it("match without regard to case or surrounding spaces", () => {
    expect(sameEmail(" Steun@Voorbeeld.NL", "steun@voorbeeld.nl")).toBe(true);
    expect(sameEmail("steun@voorbeeld.nl", "steun2@voorbeeld.nl")).toBe(false);
  });

  it("are stored in lower case by the invitation form", () => {
    const parsed = inviteToCaseInput.parse({ caseId: "c", email: " Steun@Voorbeeld.NL ", role: "CLIENT_SUPPORTER" });
    expect(parsed.email).toBe("steun@voorbeeld.nl");
  });

  it("and a role are required", () => {
    const result = inviteToCaseInput.safeParse({ caseId: "c", email: "geen-adres", role: "FILER" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages).toEqual(expect.arrayContaining([["email", "invalidEmail"], ["role", "chooseRole"]]));
    const empty = inviteToCaseInput.safeParse({ caseId: "c", email: undefined, role: undefined });
    expect(empty.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["email", "required"], ["role", "chooseRole"]]);
  });
});

describe("how a person is involved in a case", () => {
  it("says who filed it, and otherwise the role of their party row", () => {
    expect(involvementOf("u", "u", [{ role: "PARENT" }])).toBe("filed");
    expect(involvementOf("u", "someone", [{ role: "PARENT" }])).toBe("parent");
    expect(involvementOf("u", "someone", [{ role: "CLIENT_SUPPORTER" }])).toBe("clientSupporter");
    expect(involvementOf("u", "someone", [{ role: "PROFESSIONAL" }])).toBe("professional");
    expect(involvementOf("u", null, [{ role: "YOUTH" }])).toBe("youth");
    expect(involvementOf("u", "someone", [])).toBeNull();
  });
});
