import { randomBytes, randomUUID } from "node:crypto";
import { generate } from "otplib";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/tests/support/owner-db";
import type { Role } from "@/lib/domain/roles";
import { signInLimits, totpPeriodSeconds } from "@/lib/domain/sign-in";
import { checkPassword } from "@/lib/server/sign-in/check-password";
import { confirmEnrolment } from "@/lib/server/sign-in/confirm-enrolment";
import { postgresSignInLimiter, type SignInLimiter } from "@/lib/server/sign-in/rate-limit";
import { resetTwoFactorUnsafe } from "@/lib/server/sign-in/reset-two-factor";
import { resolveSession } from "@/lib/server/sign-in/resolve-session";
import { startEnrolment } from "@/lib/server/sign-in/start-enrolment";
import { verifySecondFactor } from "@/lib/server/sign-in/verify-second-factor";
import { DEN_HAAG } from "../support/factories";

process.env.AUTH_SECRET = "sign-in-security-test-secret-0123456789";

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
  return { userId: user.id, name: user.name, email: user.email, organisation: null, sessionId: randomUUID() };
}

function request(ip = "192.0.2.10") {
  return { ip, userAgent: "vitest", requestId: randomUUID() };
}

/** The code an app with `secret` shows now, or `steps` time steps later. */
function codeFor(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * totpPeriodSeconds });
}

/** A staff member who set up the app: their secret and recovery codes. */
async function enrolled(limiter = instanceA) {
  const who = await person();
  const { secret } = await startEnrolment(who);
  const { recoveryCodes } = await confirmEnrolment(who, { code: await codeFor(secret) }, request(), limiter);
  return { who, secret, recoveryCodes };
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
    expect(after).toMatchObject({ ok: true, user: { id: who.userId, needsSecondFactor: true } });
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
    expect(await checkPassword({ email: parent.email, password: PASSWORD }, null, instanceB)).toMatchObject({ ok: true, user: { needsSecondFactor: false } });
    expect(await instanceA.inspectAccount(parent.email)).toEqual({ failures: 0, lockedForMs: 0 });
    for (let i = 0; i < signInLimits.account.maxFailures - 1; i++) await checkPassword({ email: parent.email, password: "verkeerd" }, null, instanceB);
    expect(await checkPassword({ email: parent.email, password: PASSWORD }, null, instanceA)).toMatchObject({ ok: true });
  });

  it("does not forget a staff member's failures at the password alone: a wrong code is the tenth failure", async () => {
    const { who } = await enrolled();
    for (let i = 0; i < signInLimits.account.maxFailures - 1; i++) await checkPassword({ email: who.email, password: "verkeerd" }, null, instanceA);
    expect(await checkPassword({ email: who.email, password: PASSWORD }, null, instanceB)).toMatchObject({ ok: true, user: { needsSecondFactor: true } });
    await expect(verifySecondFactor(who, { code: "000000" }, request(), instanceA)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
    expect(await checkPassword({ email: who.email, password: PASSWORD }, null, instanceB)).toEqual({ ok: false, reason: "locked" });
    await expect(verifySecondFactor(who, { code: "000000" }, request(), instanceA)).rejects.toMatchObject({ code: "tooManyAttempts" });
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

describe("the second factor", () => {
  it("keeps the secret sealed and the recovery codes only as hashes", async () => {
    const { who, secret, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await prisma.twoFactorCredential.findUniqueOrThrow({ where: { userId: who.userId } });
    expect(stored.confirmedAt).not.toBeNull();
    expect(stored.secret).not.toContain(secret);
    const hashes = await prisma.recoveryCode.findMany({ where: { userId: who.userId } });
    expect(hashes).toHaveLength(10);
    const everything = JSON.stringify(hashes);
    for (const code of recoveryCodes) expect(everything).not.toContain(code.replaceAll("-", ""));
    expect(await prisma.auditEvent.count({ where: { actorId: who.userId, action: "user.enrolTwoFactor" } })).toBe(1);
  });

  it("accepts a code from the app once: the same code again is refused", async () => {
    const { who, secret } = await enrolled();
    // The code of the enrolment itself was used up by it.
    await expect(verifySecondFactor(who, { code: await codeFor(secret) }, request(), instanceA)).rejects.toMatchObject({
      fieldErrors: { code: "codeWrong" },
    });
    // The app's next code (the portal allows for a clock one step ahead) works, on either instance, once.
    const next = await codeFor(secret, 1);
    expect(await verifySecondFactor(who, { code: next }, request(), instanceB)).toEqual({ usedRecoveryCode: false });
    await expect(verifySecondFactor(who, { code: next }, request(), instanceA)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
    await expect(verifySecondFactor(who, { code: next }, request(), instanceB)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
  });

  it("lets two requests with the same code at the same moment succeed only once", async () => {
    const { who, secret } = await enrolled();
    const next = await codeFor(secret, 1);
    const outcomes = await Promise.allSettled(
      [instanceA, instanceB, instanceA, instanceB].map((instance) => verifySecondFactor(who, { code: next }, request(), instance)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  });

  it("accepts each recovery code once, and records its use", async () => {
    const { who, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    expect(await verifySecondFactor(who, { code: first }, request(), instanceA)).toEqual({ usedRecoveryCode: true });
    await expect(verifySecondFactor(who, { code: first }, request(), instanceB)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
    // Typed as people do: capitals and spaces instead of dashes.
    expect(await verifySecondFactor(who, { code: second.toUpperCase().replaceAll("-", " ") }, request(), instanceB)).toEqual({ usedRecoveryCode: true });
    const events = await prisma.auditEvent.findMany({ where: { actorId: who.userId, action: "user.useRecoveryCode" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.changes)).toEqual([{ recoveryCodesLeft: { old: 10, new: 9 } }, { recoveryCodesLeft: { old: 9, new: 8 } }]);
  });

  it("refuses another person's recovery code", async () => {
    const { recoveryCodes } = await enrolled();
    const { who: other } = await enrolled();
    await expect(verifySecondFactor(other, { code: recoveryCodes[0]! }, request(), instanceA)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
  });

  it("binds setting up to the session that was shown the secret", async () => {
    const who = await person();
    const intruder = { ...who, sessionId: randomUUID() };
    const mine = await startEnrolment(who);
    // Someone else who knows the password gets a secret of their own, never this one.
    const theirs = await startEnrolment(intruder);
    expect(theirs.secret).not.toBe(mine.secret);
    // The page, drawn again, shows the same secret to the same session.
    expect((await startEnrolment(intruder)).secret).toBe(theirs.secret);
    // The latest secret replaced the first; the first session must start again.
    await expect(confirmEnrolment(who, { code: await codeFor(mine.secret) }, request(), instanceA)).rejects.toMatchObject({ code: "enrolmentGone" });
    await expect(confirmEnrolment(who, { code: await codeFor(theirs.secret) }, request(), instanceA)).rejects.toMatchObject({ code: "enrolmentGone" });
    const again = await startEnrolment(who);
    await confirmEnrolment(who, { code: await codeFor(again.secret) }, request(), instanceA);
    await expect(startEnrolment(intruder)).rejects.toMatchObject({ code: "alreadyEnrolled" });
  });

  it("counts wrong codes while setting up toward the lock", async () => {
    const who = await person();
    await startEnrolment(who);
    for (let i = 0; i < signInLimits.account.maxFailures; i++) {
      await expect(confirmEnrolment(who, { code: "000000" }, request(), i % 2 ? instanceA : instanceB)).rejects.toMatchObject({ fieldErrors: { code: "codeWrong" } });
    }
    await expect(confirmEnrolment(who, { code: "000000" }, request(), instanceA)).rejects.toMatchObject({ code: "tooManyAttempts" });
  });
});

describe("sessions", () => {
  const claimsOf = async (userId: string, secondFactor: boolean, sessionId = randomUUID()) => {
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    return { userId, sessionVersion, secondFactor, signedInAt: Math.floor(Date.now() / 1000), sessionId };
  };

  it("give a staff member nothing but the second step until it is passed", async () => {
    const { who } = await enrolled();
    expect(await resolveSession(await claimsOf(who.userId, false))).toMatchObject({ kind: "needsSecondFactor", enrolled: true });
    expect(await resolveSession(await claimsOf(who.userId, true))).toMatchObject({ kind: "signedIn" });
    const newcomer = await person("OMBUDSMAN");
    expect(await resolveSession(await claimsOf(newcomer.userId, false))).toMatchObject({ kind: "needsSecondFactor", enrolled: false });
    const parent = await person(null);
    expect(await resolveSession(await claimsOf(parent.userId, false))).toMatchObject({ kind: "signedIn" });
  });

  it("end when a membership is added, changed or removed", async () => {
    const { who } = await enrolled();
    let claims = await claimsOf(who.userId, true);
    const added = await prisma.membership.create({ data: { userId: who.userId, role: "OMBUDSMAN" } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });

    claims = await claimsOf(who.userId, true);
    await prisma.membership.update({ where: { id: added.id }, data: { role: "PLATFORM_ADMIN" } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });

    claims = await claimsOf(who.userId, true);
    await prisma.membership.delete({ where: { id: added.id } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
    expect(await resolveSession(await claimsOf(who.userId, true))).toMatchObject({ kind: "signedIn" });
  });

  it("of a parent who becomes staff end, and the next one needs the second factor", async () => {
    const parent = await person(null);
    const claims = await claimsOf(parent.userId, false);
    expect(await resolveSession(claims)).toMatchObject({ kind: "signedIn" });
    await prisma.membership.create({ data: { userId: parent.userId, role: "EXPERT", regionId: (await prisma.region.findFirstOrThrow()).id } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
    expect(await resolveSession(await claimsOf(parent.userId, false))).toMatchObject({ kind: "needsSecondFactor", enrolled: false });
  });

  it("end for a user who no longer exists, and for a cookie without a version", async () => {
    const parent = await person(null);
    expect(await resolveSession({ userId: parent.userId, secondFactor: true })).toEqual({ kind: "signedOut" });
    const claims = await claimsOf(parent.userId, false);
    await prisma.user.delete({ where: { id: parent.userId } });
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
  });

  it("end when the second factor is reset, which asks for setting up the app again", async () => {
    const { who } = await enrolled();
    const claims = await claimsOf(who.userId, true);
    await resetTwoFactorUnsafe(who.email.toUpperCase(), "Telefoon en herstelcodes kwijt, gebeld en nagegaan");
    expect(await resolveSession(claims)).toEqual({ kind: "signedOut" });
    expect(await prisma.recoveryCode.count({ where: { userId: who.userId } })).toBe(0);
    expect(await resolveSession(await claimsOf(who.userId, false))).toMatchObject({ kind: "needsSecondFactor", enrolled: false });
    expect(await prisma.auditEvent.count({ where: { action: "user.resetTwoFactor", changes: { path: ["userId", "new"], equals: who.userId } } })).toBe(1);
  });
});
