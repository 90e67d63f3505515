import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signUpLimits, signUpToken } from "@/lib/domain/sign-up";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { readSignUpLink, registerFamily } from "@/lib/server/users/register-family";
import { rateLimitPool } from "@/lib/server/sign-in/rate-limit";
import { INVITATION_SECRET, signUpLinkFor } from "@/tests/support/case-stages";
import { makeActor } from "@/tests/support/factories";
import { prisma } from "@/tests/support/owner-db";
import { useTestSmtp } from "@/tests/support/smtp";

const request = vi.hoisted(() => ({ ip: "192.0.2.1" as string | null, cookies: new Map<string, string>() }));

// The actions run outside Next.js here: the request, its cookies and after() are stood in for.
vi.mock("next/server", () => ({ after: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/auth/session", () => ({ requestMeta: async () => ({ ip: request.ip, userAgent: "vitest", requestId: "sign-up" }) }));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(async () => undefined) }));

process.env.AUTH_SECRET = INVITATION_SECRET;
const { registerAction } = await import("@/app/(public)/registreren/actions");
const { completeSignUpAction } = await import("@/app/(public)/registreren/afmaken/[token]/actions");
const { signIn } = await import("@/lib/auth/auth");

// The counters' pool must close before the file's database is dropped.
afterAll(async () => {
  await rateLimitPool()?.end();
});

const meta = { ip: null, userAgent: "vitest", requestId: "sign-up" };
const newAddress = () => `nieuw-${randomBytes(4).toString("hex")}@voorbeeld.nl`;
/** A fresh IP address per test, so that no test spends another's share. */
const freshIp = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const ask = (email: string, extra: Record<string, string> = {}) => registerAction(null, form({ email, ...extra }));

describe("asking for an account", () => {
  const received = useTestSmtp();
  beforeAll(() => {
    process.env.AUTH_URL = "http://portaal.test";
  });
  afterAll(() => {
    delete process.env.AUTH_URL;
  });

  it("answers the same for an address with an account (a parent's or a staff member's) and one without", async () => {
    request.ip = freshIp();
    const parent = await makeActor("FAMILY");
    const staff = await makeActor("AANSPREEKPUNT", { gemeente: "GM0518" });
    const unknown = newAddress();
    const answers = await Promise.all([parent.email, staff.email, unknown].map((email) => ask(email)));
    // The only difference is the address itself, echoed as it was typed.
    expect(answers).toEqual([parent.email, staff.email, unknown].map((email) => ({ ok: true, data: { email } })));
    // Asking makes no account and changes none.
    expect(await prisma.user.count({ where: { email: unknown } })).toBe(0);
    expect(await prisma.user.count({ where: { email: { in: [parent.email, staff.email] } } })).toBe(2);
    // Each address gets one mail; which one is only in the mail.
    const mails = await prisma.outboxMessage.findMany({
      where: { recipient: { in: [parent.email, staff.email, unknown] } },
      select: { recipient: true, template: true, caseId: true, gemeenteId: true },
    });
    expect(mails).toHaveLength(3);
    expect(mails).toEqual(
      expect.arrayContaining([
        { recipient: parent.email, template: "sign-up-existing", caseId: null, gemeenteId: null },
        { recipient: staff.email, template: "sign-up-existing", caseId: null, gemeenteId: null },
        { recipient: unknown, template: "sign-up", caseId: null, gemeenteId: null },
      ]),
    );
  });

  it("refuses an address that is not one, next to the field, and mails nothing", async () => {
    request.ip = freshIp();
    const answer = await ask("geen-adres");
    expect(answer).toMatchObject({ ok: false, error: "checkFields", fieldErrors: { email: "invalidEmail" } });
    expect(await prisma.outboxMessage.count({ where: { recipient: "geen-adres" } })).toBe(0);
  });

  it("mails a new address a link to finish, and a known one how to sign in, without anything about the account", async () => {
    request.ip = freshIp();
    const known = await makeActor("FAMILY");
    const unknown = newAddress();
    await ask(known.email);
    await ask(unknown);
    await deliverOutbox();
    const body = (to: string) => received.find((m) => m.to.includes(to))!.body.replace(/=\r?\n/g, "");

    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: unknown, template: "sign-up" } });
    const link = `http://portaal.test/registreren/afmaken/${signUpToken(INVITATION_SECRET, message.id)}`;
    expect(body(unknown)).toContain(link);
    expect(body(unknown)).toContain("Maak uw account bij Doorbraak af");

    const existing = body(known.email);
    expect(existing).toContain("Er is al een account met dit e-mailadres");
    expect(existing).toContain("http://portaal.test/inloggen");
    expect(existing).not.toContain("/registreren/afmaken/");
    // Nothing about the account: not the name, not a role, not a case.
    expect(existing).not.toContain(known.name);
    expect(existing).not.toMatch(/melding DB-|DB-\d{4}/);
  });

  it("throttles one address after its share, for a known address as for an unknown one, with the same message", async () => {
    const known = await makeActor("FAMILY");
    const unknown = newAddress();
    for (const email of [known.email, unknown]) {
      for (let i = 0; i < signUpLimits.address.points; i++) {
        request.ip = freshIp();
        expect(await ask(email)).toMatchObject({ ok: true });
      }
      request.ip = freshIp();
      expect(await ask(email)).toMatchObject({ ok: false, error: "signUpThrottled", fieldErrors: {} });
    }
    // A throttled request mails nothing more.
    expect(await prisma.outboxMessage.count({ where: { recipient: known.email } })).toBe(signUpLimits.address.points);
    expect(await prisma.outboxMessage.count({ where: { recipient: unknown } })).toBe(signUpLimits.address.points);
  });

  it("throttles one IP address after its share of sign-ups, whatever the addresses", async () => {
    request.ip = freshIp();
    for (let i = 0; i < signUpLimits.ip.points; i++) expect(await ask(newAddress())).toMatchObject({ ok: true });
    const refused = newAddress();
    expect(await ask(refused)).toMatchObject({ ok: false, error: "signUpThrottled" });
    expect(await prisma.outboxMessage.count({ where: { recipient: refused } })).toBe(0);
    // Another address is not held up by this one.
    request.ip = freshIp();
    expect(await ask(newAddress())).toMatchObject({ ok: true });
  });
});

describe("finishing an account from the link", () => {
  it("makes a family account for the address the link was sent to, signs in and goes on to filing", async () => {
    request.ip = freshIp();
    request.cookies.clear();
    const email = newAddress();
    await ask(email);
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "sign-up" } });
    const token = signUpToken(INVITATION_SECRET, message.id);
    expect(await readSignUpLink(token)).toEqual({ kind: "open", email });

    const answer = await completeSignUpAction(null, form({ token, name: "Sanne de Vries", password: "een lange zin als wachtwoord" }));
    expect(answer).toMatchObject({ ok: true, data: { email } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.name).toBe("Sanne de Vries");
    expect(user.memberships.map((m) => m.role)).toEqual(["FAMILY"]);
    expect(await prisma.auditEvent.count({ where: { actorId: user.id, action: "user.register" } })).toBe(1);
    expect(signIn).toHaveBeenLastCalledWith("credentials", { email, password: "een lange zin als wachtwoord", redirectTo: "/melden" });

    // The link made its account: it does not make a second one.
    expect(await readSignUpLink(token)).toEqual({ kind: "unusable" });
    expect(await completeSignUpAction(null, form({ token, name: "Iemand Anders", password: "een andere lange zin" }))).toMatchObject({
      ok: false,
      error: "signUpLinkUnusable",
    });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("goes back to where the person came from, such as an invitation, in the browser that asked", async () => {
    request.ip = freshIp();
    request.cookies.clear();
    const email = newAddress();
    await ask(email, { terug: "/uitnodiging/abc" });
    const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: email, template: "sign-up" } });
    await completeSignUpAction(null, form({ token: signUpToken(INVITATION_SECRET, message.id), name: "Sanne de Vries", password: "een lange zin als wachtwoord" }));
    expect(signIn).toHaveBeenLastCalledWith("credentials", expect.objectContaining({ redirectTo: "/uitnodiging/abc" }));
    expect(request.cookies.size).toBe(0);
  });

  it("refuses a link that was made up, changed, expired, or sent to an address with an account", async () => {
    const email = newAddress();
    const token = await signUpLinkFor(email);
    const [id, mac] = token.split(".") as [string, string];
    const known = await makeActor("FAMILY");
    await ask(known.email);
    const existing = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: known.email, template: "sign-up-existing" } });

    for (const bad of [
      "niet-een-token",
      `${id}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`,
      signUpToken("een-ander-geheim", id),
      // A real message id, but its mail said "you have an account": no link to finish.
      signUpToken(INVITATION_SECRET, existing.id),
    ]) {
      expect(await readSignUpLink(bad)).toEqual({ kind: "unusable" });
    }
    await expect(registerFamily({ token: signUpToken(INVITATION_SECRET, existing.id), name: "Iemand", password: "een lange zin als wachtwoord" }, meta)).rejects.toMatchObject({
      code: "signUpLinkUnusable",
    });

    await prisma.outboxMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 49 * 60 * 60 * 1000) } });
    expect(await readSignUpLink(token)).toEqual({ kind: "unusable" });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("without a mail server", () => {
  it("writes the mail, link and all, to the server log, so that the demo's sign-up can be finished", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    request.ip = freshIp();
    const unknown = newAddress();
    await ask(unknown);
    const log = vi.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      // Earlier tests in this file left more mails than one batch holds.
      while ((await deliverOutbox()) > 0);
      const message = await prisma.outboxMessage.findFirstOrThrow({ where: { recipient: unknown, template: "sign-up" } });
      expect(message.status).toBe("SENT");
      const written = log.mock.calls.map((call) => String(call[0])).find((line) => line.includes(`Aan: ${unknown}`));
      expect(written).toContain(`/registreren/afmaken/${signUpToken(INVITATION_SECRET, message.id)}`);
    } finally {
      log.mockRestore();
    }
  });
});
