import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/roles";
import { sessionMaxAgeSeconds } from "@/lib/domain/sign-in";
import { retentionJob } from "@/lib/server/jobs/handlers";
import { resolveSession } from "@/lib/server/sign-in/resolve-session";
import { signOutEverywhere, signOutSession } from "@/lib/server/sign-in/sign-out";
import { prisma } from "@/tests/support/owner-db";
import { DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

/** A session's claims as the cookie of a fresh sign-in would carry them. */
async function sessionOf(userId: string, signedInAt = Math.floor(Date.now() / 1000)) {
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return { userId, sessionVersion, secondFactor: true, signedInAt, sessionId: randomUUID() };
}

const everyRole: [Role, { gemeente?: string; region?: string }][] = [
  ["FAMILY", {}],
  ["PROFESSIONAL", {}],
  ["AANSPREEKPUNT", { gemeente: DEN_HAAG }],
  ["DECISION_HOLDER", { gemeente: DEN_HAAG }],
  ["GEMEENTE_ADMIN", { gemeente: DEN_HAAG }],
  ["EXPERT", { region: HAAGLANDEN }],
  ["OMBUDSMAN", {}],
  ["PLATFORM_ADMIN", {}],
];

describe("signing out", () => {
  it.each(everyRole)("ends that one session of a %s, and not their other sessions", async (role, scope) => {
    const actor = await makeActor(role, scope);
    const here = await sessionOf(actor.userId);
    const elsewhere = await sessionOf(actor.userId);
    expect(await resolveSession(here)).toMatchObject({ kind: "signedIn" });

    await signOutSession(here);

    expect(await resolveSession(here)).toEqual({ kind: "signedOut" });
    expect(await resolveSession(elsewhere)).toMatchObject({ kind: "signedIn" });
  });

  it("twice (two tabs) is no error", async () => {
    const actor = await makeActor("FAMILY");
    const here = await sessionOf(actor.userId);
    await signOutSession(here);
    await signOutSession(here);
    expect(await prisma.revokedSession.count({ where: { id: here.sessionId } })).toBe(1);
  });

  it("of one person does not end a session of another that claims the same id", async () => {
    const [a, b] = [await makeActor("FAMILY"), await makeActor("FAMILY")];
    const mine = await sessionOf(a.userId);
    const theirs = { ...(await sessionOf(b.userId)), sessionId: mine.sessionId };
    await signOutSession(mine);
    expect(await resolveSession(theirs)).toMatchObject({ kind: "signedIn" });
  });

  it("everywhere ends every session of the person, is audited, and leaves other people signed in", async () => {
    const actor = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    const sessions = [await sessionOf(actor.userId), await sessionOf(actor.userId)];
    const theirs = await sessionOf(colleague.userId);

    await signOutEverywhere(actor);

    for (const session of sessions) expect(await resolveSession(session)).toEqual({ kind: "signedOut" });
    expect(await resolveSession(theirs)).toMatchObject({ kind: "signedIn" });
    expect(await resolveSession(await sessionOf(actor.userId))).toMatchObject({ kind: "signedIn" });
    expect(await prisma.auditEvent.count({ where: { action: "user.signOutEverywhere", actorId: actor.userId } })).toBe(1);
  });
});

describe("a session's lifetime", () => {
  it("ends 8 hours after sign-in, however often the cookie was renewed", async () => {
    const actor = await makeActor("FAMILY");
    const now = Date.now();
    const old = await sessionOf(actor.userId, Math.floor(now / 1000) - sessionMaxAgeSeconds - 1);
    expect(await resolveSession(old, now)).toEqual({ kind: "signedOut" });
  });

  it("bounds how long a sign-out is kept: the retention job forgets it once the session has expired", async () => {
    const actor = await makeActor("FAMILY");
    const nowSeconds = Math.floor(Date.now() / 1000);
    // Signed in almost 8 hours ago: the sign-out is kept for one more minute.
    const late = await sessionOf(actor.userId, nowSeconds - sessionMaxAgeSeconds + 60);
    const fresh = await sessionOf(actor.userId);
    await signOutSession(late);
    await signOutSession(fresh);
    const stored = await prisma.revokedSession.findUniqueOrThrow({ where: { id: late.sessionId } });
    expect(stored.expiresAt.getTime()).toBe((late.signedInAt + sessionMaxAgeSeconds) * 1000);

    await retentionJob(new Date());
    expect(await prisma.revokedSession.count({ where: { id: { in: [late.sessionId, fresh.sessionId] } } })).toBe(2);

    const afterExpiry = new Date((nowSeconds + 61) * 1000);
    const result = await retentionJob(afterExpiry);
    expect(result.signOuts.removed).toBeGreaterThanOrEqual(1);
    expect(await prisma.revokedSession.count({ where: { id: late.sessionId } })).toBe(0);
    expect(await prisma.revokedSession.count({ where: { id: fresh.sessionId } })).toBe(1);
    // Forgotten, yet still refused: the session itself is past its lifetime.
    expect(await resolveSession(late, afterExpiry.getTime())).toEqual({ kind: "signedOut" });
  });

  it("is not recorded when the session has expired already", async () => {
    const actor = await makeActor("FAMILY");
    const old = await sessionOf(actor.userId, Math.floor(Date.now() / 1000) - sessionMaxAgeSeconds - 10);
    await signOutSession(old);
    expect(await prisma.revokedSession.count({ where: { id: old.sessionId } })).toBe(0);
  });
});
