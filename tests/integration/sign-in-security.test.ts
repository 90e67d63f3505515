import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { signInLimits } from "@/lib/domain/sign-in";
import { checkPassword } from "@/lib/server/sign-in/check-password";
import { postgresSignInLimiter, type SignInLimiter } from "@/lib/server/sign-in/rate-limit";
import { resolveSession } from "@/lib/server/sign-in/resolve-session";
import { DEN_HAAG } from "../support/factories";

const PASSWORD = "een lange zin als wachtwoord";

/**
 * Two app instances: each its own connection pool and its own limiter, sharing only the
 * database, as two servers behind a load balancer would.
 */
const pools = [new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }), new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 })];
const [instanceA, instanceB] = pools.map(postgresSignInLimiter) as [SignInLimiter, SignInLimiter];

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

afterEach(() => {
  vi.useRealTimers();
});

let n = 0;
/** A person with a real password hash, and a staff role or none. */
async function person(role: Role | null = "AANSPREEKPUNT") {
  const tag = `${Date.now().toString(36)}-${n++}`;
  const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: DEN_HAAG } });
  const user = await prisma.user.create({
    data: {
      email: `inlog-${tag}@test.doorbraak.nl`,
      name: `Medewerker ${tag}`,
      passwordHash: await hashPassword(PASSWORD),
      memberships: role ? { create: { role, gemeenteId: role === "AANSPREEKPUNT" ? gemeente.id : null } } : undefined,
    },
  });
  return { userId: user.id, name: user.name, email: user.email };
}

describe("locking an account after repeated failures", () => {
  it("locks after ten wrong passwords spread over two app instances, and then refuses even the right one until the lock ends", async () => {
    const who = await person();
    for (let i = 0; i < signInLimits.account.maxFailures; i++) {
      const instance = i % 2 === 0 ? instanceA : instanceB;
      // Each from another address: the account's own counter is what locks.
      expect(await checkPassword({ email: who.email, password: `verkeerd ${i}` }, `198.51.100.${i}`, instance)).toEqual({ ok: false, reason: "wrong" });
    }
    expect(await checkPassword({ email: who.email, password: PASSWORD }, "203.0.113.7", instanceA)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPassword({ email: who.email, password: PASSWORD }, "203.0.113.8", instanceB)).toEqual({ ok: false, reason: "locked" });

    // Both instances read the same lock from the database: about 15 minutes.
    for (const instance of [instanceA, instanceB]) {
      const { failures, lockedForMs } = await instance.inspectAccount(who.email);
      expect(failures).toBe(signInLimits.account.maxFailures);
      expect(lockedForMs).toBeGreaterThan((signInLimits.account.lockSeconds - 60) * 1000);
      expect(lockedForMs).toBeLessThanOrEqual(signInLimits.account.lockSeconds * 1000);
    }

    // The clock moves past the lock (only Date is faked; nothing sleeps).
    const { lockedForMs } = await instanceA.inspectAccount(who.email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + lockedForMs + 1_000);
    const after = await checkPassword({ email: who.email, password: PASSWORD }, "203.0.113.7", instanceB);
    expect(after).toMatchObject({ ok: true, user: { id: who.userId } });
  }, 90_000);

  it("answers an unknown address exactly like an existing one, lock included", async () => {
    const unknown = `niemand-${randomBytes(4).toString("hex")}@test.doorbraak.nl`;
    for (let i = 0; i < signInLimits.account.maxFailures; i++) {
      expect(await checkPassword({ email: unknown, password: PASSWORD }, "198.51.100.50", i % 2 ? instanceA : instanceB)).toEqual({ ok: false, reason: "wrong" });
    }
    expect(await checkPassword({ email: unknown, password: PASSWORD }, "198.51.100.50", instanceA)).toEqual({ ok: false, reason: "locked" });
  });

  it("counts the account however its address is typed", async () => {
    const who = await person(null);
    for (let i = 0; i < signInLimits.account.maxFailures; i++) {
      const typed = i % 2 === 0 ? who.email.toUpperCase() : ` ${who.email} `;
      await checkPassword({ email: typed, password: "verkeerd" }, null, instanceA);
    }
    expect(await checkPassword({ email: who.email, password: PASSWORD }, null, instanceB)).toEqual({ ok: false, reason: "locked" });
  });

  it("forgets the failures after a complete sign-in", async () => {
    const parent = await person(null);
    for (let i = 0; i < signInLimits.account.maxFailures - 1; i++) await checkPassword({ email: parent.email, password: "verkeerd" }, null, instanceA);
    expect(await checkPassword({ email: parent.email, password: PASSWORD }, null, instanceB)).toMatchObject({ ok: true });
    expect(await instanceA.inspectAccount(parent.email)).toEqual({ failures: 0, lockedForMs: 0 });
    for (let i = 0; i < signInLimits.account.maxFailures - 1; i++) await checkPassword({ email: parent.email, password: "verkeerd" }, null, instanceB);
    expect(await checkPassword({ email: parent.email, password: PASSWORD }, null, instanceA)).toMatchObject({ ok: true });
  });

  it("counts per address too, more loosely: a hundred failures from one address stop it, other addresses go on", async () => {
    const who = await person(null);
    const ip = "198.51.100.200";
    // A hundred guesses at ten accounts from one address, ten at a time.
    const accounts = Array.from({ length: 10 }, (_, i) => `doel-${i}-${randomBytes(3).toString("hex")}@test.doorbraak.nl`);
    for (const account of accounts) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => checkPassword({ email: account, password: `gok ${i}` }, ip, i % 2 ? instanceA : instanceB)),
      );
      expect(answers.filter((a) => !a.ok && a.reason === "wrong")).toHaveLength(10);
    }
    expect(signInLimits.ip.maxFailures).toBe(100);
    expect(await checkPassword({ email: who.email, password: PASSWORD }, ip, instanceA)).toEqual({ ok: false, reason: "locked" });
    // The refusal for the address did not count against this account.
    expect(await instanceA.inspectAccount(who.email)).toEqual({ failures: 0, lockedForMs: 0 });
    expect(await checkPassword({ email: who.email, password: PASSWORD }, "198.51.100.201", instanceB)).toMatchObject({ ok: true });
  }, 90_000);

  it("holds a burst of guesses at once to the limit", async () => {
    const who = await person(null);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => checkPassword({ email: who.email, password: `gok ${i}` }, null, i % 2 ? instanceA : instanceB)),
    );
    // Every attempt is counted before the password is checked: no more than ten were checked.
    expect(answers.filter((a) => !a.ok && a.reason === "wrong").length).toBeLessThanOrEqual(signInLimits.account.maxFailures);
    expect(await checkPassword({ email: who.email, password: PASSWORD }, null, instanceA)).toEqual({ ok: false, reason: "locked" });
  });
});

describe("sessions", () => {
  const claimsOf = async (userId: string) => {
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    return { userId, sessionVersion };
  };

  it("end when a membership is added, changed or removed", async () => {
    const who = await person();
    let claims = await claimsOf(who.userId);
    expect(await resolveSession(claims)).toMatchObject({ kind: "signedIn" });
    const added = await prisma.membership.create({ data: { userId: who.userId, role: "OMBUDSMAN" } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });

    claims = await claimsOf(who.userId);
    await prisma.membership.update({ where: { id: added.id }, data: { role: "PLATFORM_ADMIN" } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });

    claims = await claimsOf(who.userId);
    await prisma.membership.delete({ where: { id: added.id } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
    expect(await resolveSession(await claimsOf(who.userId))).toMatchObject({ kind: "signedIn" });
  });

  it("end for a user who no longer exists, and for a cookie without a version", async () => {
    const who = await person(null);
    expect(await resolveSession({ userId: who.userId })).toEqual({ kind: "signedOut" });
    const claims = await claimsOf(who.userId);
    await prisma.user.delete({ where: { id: who.userId } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
  });
});
