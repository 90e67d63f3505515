import "server-only";

/**
 * The demo's mailbox: a folder that scripts/demo.ts names in DEMO_MAILBOX_DIR. Only without
 * a mail server: where SMTP_URL is set, mails go out and no text of them is kept anywhere.
 * Without the variable there is no mailbox, and its page does not exist.
 */
export function demoMailboxDir(env: Record<string, string | undefined> = process.env): string | null {
  if (!env.DEMO_MAILBOX_DIR || env.SMTP_URL) return null;
  return env.DEMO_MAILBOX_DIR;
}
