/**
 * `npm run user:reset-two-factor -- someone@gemeente.nl --reason "..."`: removes a staff
 * member's authenticator app and recovery codes and ends their sessions, in the embedded
 * demo database or DATABASE_URL. At their next sign-in they set up the app again. For
 * someone who lost both their phone and their recovery codes; check first that the
 * request really comes from them (decision 017). Audited as a change by the system.
 */
import { parseArgs } from "node:util";
import { runCommand } from "./run-command";
import { NotFoundError } from "@/lib/server/errors";
import { resetTwoFactorUnsafe } from "@/lib/server/sign-in/reset-two-factor";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { reason: { type: "string" } } });
  const [email] = positionals;
  if (!email || !values.reason?.trim()) {
    console.error('Usage: npm run user:reset-two-factor -- <e-mail address> --reason "<who asked, and how you checked it>"');
    return 2;
  }
  try {
    await resetTwoFactorUnsafe(email, values.reason.trim());
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.error(`No account with the address ${email}.`);
    return 1;
  }
  console.log(`Two-step verification of ${email} was reset; their sessions have ended. They set up the app at their next sign-in.`);
  return 0;
}

runCommand(main);
