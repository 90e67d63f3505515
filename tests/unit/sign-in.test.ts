import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueSessionGrant, readSessionGrant } from "@/lib/auth/session-grant";
import type { Role } from "@/lib/domain/roles";
import {
  needsSecondFactor,
  parseSecondFactorCode,
  recoveryCodeFrom,
  secondFactorWaitSeconds,
  sessionMaxAgeSeconds,
  sessionStanding,
  type SessionClaims,
} from "@/lib/domain/sign-in";
import { openSecret, sealSecret } from "@/lib/server/sign-in/secret-box";

describe("who needs a second factor", () => {
  it.each<[Role[], boolean]>([
    [["FAMILY"], false],
    [["PROFESSIONAL"], false],
    [["AANSPREEKPUNT"], true],
    [["DECISION_HOLDER"], true],
    [["EXPERT"], true],
    [["OMBUDSMAN"], true],
    [["GEMEENTE_ADMIN"], true],
    [["PLATFORM_ADMIN"], true],
    [["FAMILY", "EXPERT"], true],
    [[], false],
  ])("%j → %s", (roles, expected) => {
    expect(needsSecondFactor(roles)).toBe(expected);
  });
});

describe("what a session is worth", () => {
  const now = 1_800_000_000;
  const staff = { sessionVersion: 3, roles: ["AANSPREEKPUNT"] as Role[], sessionSignedOut: false };
  const parent = { sessionVersion: 3, roles: ["FAMILY"] as Role[], sessionSignedOut: false };
  const fresh: SessionClaims = { sessionVersion: 3, secondFactor: false, signedInAt: now - 60, sessionId: "s" };

  it.each<[string, SessionClaims, typeof staff, string]>([
    ["a parent after the password", fresh, parent, "signedIn"],
    ["staff after the password only", fresh, staff, "needsSecondFactor"],
    ["staff after both factors", { ...fresh, secondFactor: true }, staff, "signedIn"],
    ["staff who waited too long for the second step", { ...fresh, signedInAt: now - secondFactorWaitSeconds - 1 }, staff, "revoked"],
    ["a session of an older version (a membership changed)", { ...fresh, sessionVersion: 2, secondFactor: true }, staff, "revoked"],
    ["a parent's session of an older version", { ...fresh, sessionVersion: 2 }, parent, "revoked"],
    ["a cookie from before session versions existed", { secondFactor: true }, staff, "revoked"],
    ["a cookie from before session versions existed, for a parent", {}, parent, "revoked"],
    ["a session that was signed out", fresh, { ...parent, sessionSignedOut: true }, "revoked"],
    ["a staff session that was signed out", { ...fresh, secondFactor: true }, { ...staff, sessionSignedOut: true }, "revoked"],
    ["a parent's session just within its lifetime", { ...fresh, signedInAt: now - sessionMaxAgeSeconds }, parent, "signedIn"],
    ["a session older than its lifetime, kept alive by use", { ...fresh, signedInAt: now - sessionMaxAgeSeconds - 1 }, parent, "revoked"],
    ["a session without an id", { ...fresh, sessionId: undefined }, parent, "revoked"],
    ["a session without a sign-in time", { ...fresh, signedInAt: undefined }, parent, "revoked"],
  ])("%s: %s", (_label, claims, user, expected) => {
    expect(sessionStanding(claims, user, now)).toBe(expected);
  });
});

describe("codes as typed", () => {
  it.each([
    ["123456", { kind: "totp", code: "123456" }],
    [" 123 456 ", { kind: "totp", code: "123456" }],
    ["abcd-efgh-jkmn-pqrs", { kind: "recovery", code: "abcdefghjkmnpqrs" }],
    ["ABCD EFGH JKMN PQRS", { kind: "recovery", code: "abcdefghjkmnpqrs" }],
    // Look-alike letters are read as the digits they resemble, as on paper.
    ["abcd-efgh-jkmn-pqrO", { kind: "recovery", code: "abcdefghjkmnpqr0" }],
    ["12345", null],
    ["1234567", null],
    ["abcd-efgh-jkmn-pqru", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(parseSecondFactorCode(raw)).toEqual(expected);
  });

  it("makes recovery codes of 16 characters in groups of four, each one readable back", () => {
    const code = recoveryCodeFrom(new Uint8Array(16).map((_, i) => i * 17));
    expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    expect(parseSecondFactorCode(code)).toEqual({ kind: "recovery", code: code.replaceAll("-", "") });
  });
});

describe("secrets and grants that depend on AUTH_SECRET", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef";
  });
  afterEach(() => {
    process.env.AUTH_SECRET = saved;
  });

  it("seals a TOTP secret so that only the same AUTH_SECRET opens it", () => {
    const sealed = sealSecret("DEMODOORBRAAKTWEESTAPSCODEGEHEIM");
    expect(sealed).not.toContain("DEMODOORBRAAK");
    expect(openSecret(sealed)).toBe("DEMODOORBRAAKTWEESTAPSCODEGEHEIM");
    process.env.AUTH_SECRET = "another-secret-0123456789abcdefgh";
    expect(openSecret(sealed)).toBeNull();
  });

  it("refuses a sealed secret that was altered", () => {
    const sealed = sealSecret("DEMODOORBRAAKTWEESTAPSCODEGEHEIM");
    const last = sealed.at(-1) === "A" ? "B" : "A";
    expect(openSecret(sealed.slice(0, -1) + last)).toBeNull();
  });

  it("accepts a grant as issued, and nothing altered, expired or signed with another secret", () => {
    const grant = { userId: "u1", sessionVersion: 4, secondFactor: true };
    const now = Date.now();
    const token = issueSessionGrant(grant, now);
    expect(readSessionGrant(token, now)).toEqual(grant);

    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...grant, userId: "u2", exp: Math.floor(now / 1000) + 60 })).toString("base64url");
    expect(readSessionGrant(`${forged}.${signature}`, now)).toBeNull();
    expect(readSessionGrant(`${payload}.`, now)).toBeNull();
    expect(readSessionGrant(`${payload}.${signature}.x`, now)).toBeNull();
    expect(readSessionGrant(undefined, now)).toBeNull();
    expect(readSessionGrant(token, now + 61_000)).toBeNull();

    process.env.AUTH_SECRET = "another-secret-0123456789abcdefgh";
    expect(readSessionGrant(token, now)).toBeNull();
  });
});
