import pg from "pg";
import { assignmentLinkPath } from "../../lib/domain/assignment-links";
import { invitationPath, invitationToken, staffInvitationPath } from "../../lib/domain/invitations";
import { signUpPath, signUpToken } from "../../lib/domain/sign-up";

/**
 * The link in the latest mail of `template` to `recipient`. Without SMTP_URL the portal
 * writes its mails to the server log, which the tests do not read; so this does what the
 * mail writer does: it takes the outbox message from the end-to-end database (scripts/test.ts
 * passes the owner's DATABASE_OWNER_URL: the outbox is hidden from the portal's role) and
 * derives the link from its id with the portal's AUTH_SECRET.
 */
async function mailedLinkFor(recipient: string, template: string, link: (secret: string, messageId: string) => string): Promise<string> {
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  const secret = process.env.AUTH_SECRET;
  if (!url || !secret) throw new Error("Following a mailed link needs the portal's DATABASE_URL and AUTH_SECRET (npm run test:e2e sets both).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "OutboxMessage" WHERE recipient = $1 AND template = $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [recipient, template],
    );
    if (!rows[0]) throw new Error(`No ${template} mail to ${recipient} in the outbox.`);
    return link(secret, rows[0].id);
  } finally {
    await client.end();
  }
}

export const signUpLinkFor = (recipient: string) => mailedLinkFor(recipient, "sign-up", (secret, id) => signUpPath(signUpToken(secret, id)));

export const invitationLinkFor = (recipient: string) =>
  mailedLinkFor(recipient, "case-invitation", (secret, id) => invitationPath(invitationToken(secret, id)));

export const staffInvitationLinkFor = (recipient: string) =>
  mailedLinkFor(recipient, "staff-invitation", (secret, id) => staffInvitationPath(invitationToken(secret, id, "staff-invitation")));

export const assignmentLinkFor = (recipient: string) =>
  mailedLinkFor(recipient, "assignment-task", (secret, id) => assignmentLinkPath(invitationToken(secret, id, "assignment-link")));
