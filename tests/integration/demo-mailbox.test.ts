import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staffInvitationPath } from "@/lib/domain/invitations";
import { readDemoMailbox } from "@/lib/server/demo-mailbox/read-mailbox";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { staffInvitationToken } from "@/lib/server/staff/invitation-mail";
import { INVITATION_SECRET } from "@/tests/support/case-stages";
import { prisma } from "@/tests/support/owner-db";
import { startTestSmtp, type TestSmtp } from "@/tests/support/smtp";

const recipient = () => `nieuw-${randomBytes(4).toString("hex")}@denhaag.example`;
const enqueueInvitation = (to: string) =>
  prisma.outboxMessage.create({ data: { recipient: to, template: "staff-invitation", nextAttemptAt: new Date(Date.now() - 1000) } });

let dir: string;
beforeAll(() => {
  process.env.AUTH_SECRET = INVITATION_SECRET;
  process.env.AUTH_URL = "http://127.0.0.1:3300";
});
afterAll(() => {
  delete process.env.AUTH_URL;
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "demo-mailbox-it-"));
  process.env.DEMO_MAILBOX_DIR = dir;
});
afterEach(async () => {
  delete process.env.DEMO_MAILBOX_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe("the outbox and the demo's mailbox", () => {
  it("keeps each mail it would have sent, with its link, when there is no mail server", async () => {
    const to = recipient();
    const message = await enqueueInvitation(to);
    while ((await deliverOutbox()) > 0);
    const mails = (await readDemoMailbox())!.filter((m) => m.to === to);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ id: message.id, subject: "U bent uitgenodigd voor een account bij Doorbraak", baseUrl: "http://127.0.0.1:3300" });
    expect(mails[0]!.text).toContain(`http://127.0.0.1:3300${staffInvitationPath(staffInvitationToken(message.id))}`);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("SENT");
  });

  describe("with a mail server", () => {
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startTestSmtp();
    });
    afterAll(async () => {
      await smtp.close();
    });

    it("sends the mail and writes no text of it anywhere, even with DEMO_MAILBOX_DIR set", async () => {
      const to = recipient();
      await enqueueInvitation(to);
      while ((await deliverOutbox()) > 0);
      expect(smtp.received.some((m) => m.to.includes(to))).toBe(true);
      expect(await readdir(dir)).toEqual([]);
      expect(await readDemoMailbox()).toBeNull();
    });
  });
});
