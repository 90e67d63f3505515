import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueSessionGrant, readSessionGrant } from "@/lib/auth/session-grant";
import { sessionStanding } from "@/lib/domain/sign-in";

describe("what a session is worth", () => {
  it.each([
    ["a session of the user's version", { sessionVersion: 3 }, "signedIn"],
    ["a session of an older version (a membership changed)", { sessionVersion: 2 }, "revoked"],
    ["a cookie from before session versions existed", {}, "revoked"],
  ])("%s: %s", (_label, claims, expected) => {
    expect(sessionStanding(claims, { sessionVersion: 3 })).toBe(expected);
  });
});

describe("grants, which depend on AUTH_SECRET", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "unit-test-secret-0123456789abcdef";
  });
  afterEach(() => {
    process.env.AUTH_SECRET = saved;
  });

  it("accepts a grant as issued, and nothing altered, expired or signed with another secret", () => {
    const grant = { userId: "u1", sessionVersion: 4 };
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
