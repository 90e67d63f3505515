import pg from "pg";
import { signUpPath, signUpToken } from "../../lib/domain/sign-up";

/**
 * The link in the latest sign-up mail to `recipient`, derived as the mail writer does from
 * the outbox message in the end-to-end database and the portal's AUTH_SECRET.
 */
export async function signUpLinkFor(recipient: string): Promise<string> {
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  const secret = process.env.AUTH_SECRET;
  if (!url || !secret) throw new Error("Signing up needs the portal's DATABASE_URL and AUTH_SECRET (npm run test:e2e sets both).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "OutboxMessage" WHERE recipient = $1 AND template = 'sign-up' ORDER BY "createdAt" DESC LIMIT 1`,
      [recipient],
    );
    if (!rows[0]) throw new Error(`No sign-up mail to ${recipient} in the outbox.`);
    return signUpPath(signUpToken(secret, rows[0].id));
  } finally {
    await client.end();
  }
}
