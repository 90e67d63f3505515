import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

export type ReceivedMail = { to: string[]; body: string };

export type TestSmtp = {
  received: ReceivedMail[];
  /** Recipients of mail the server refused while `accepting` was false */
  refusedFor: string[];
  /** Set to false to make the server refuse mail, quoting it back as real servers may */
  accepting: boolean;
  /** Recipients the server refuses even while `accepting` is true */
  refusing: Set<string>;
  url: string;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a free local port that keeps every mail it receives.
 * Sets SMTP_URL so the outbox sends to it; `close` stops it and unsets SMTP_URL.
 */
export async function startTestSmtp(received: ReceivedMail[] = []): Promise<TestSmtp> {
  const refusedFor: string[] = [];
  const smtp: TestSmtp = {
    received,
    refusedFor,
    accepting: true,
    refusing: new Set(),
    url: "",
    close: async () => {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const body = Buffer.concat(chunks).toString("utf8");
        if (!smtp.accepting || to.some((address) => smtp.refusing.has(address))) {
          refusedFor.push(...to);
          callback(Object.assign(new Error(`Refused mail for ${to.join(", ")}: ${body}`), { responseCode: 554 }));
          return;
        }
        received.push({ to, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.SMTP_URL = smtp.url;
  return smtp;
}

/**
 * Starts a test SMTP server for the test file (before its tests, stopped after
 * them) and returns the list its mails arrive in.
 */
export function useTestSmtp(): ReceivedMail[] {
  const received: ReceivedMail[] = [];
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startTestSmtp(received);
  });
  afterAll(async () => {
    await smtp?.close();
  });
  return received;
}
