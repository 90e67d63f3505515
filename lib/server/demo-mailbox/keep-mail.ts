import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DemoMail } from "@/lib/domain/demo-mail";
import { demoMailboxDir } from "./mailbox-dir";

/**
 * Puts a mail the demo would have sent in its mailbox, one JSON file per outbox message.
 * Written beside its final name and then renamed, so the mailbox page never reads half a
 * file; a message sent again after a crash overwrites its own file. Returns whether it kept
 * the mail: nothing is written without a mailbox.
 */
export async function keepDemoMail(mail: DemoMail, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const dir = demoMailboxDir(env);
  if (dir === null) return false;
  await mkdir(dir, { recursive: true });
  const name = `${mail.id.replace(/[^A-Za-z0-9_-]/g, "_")}.json`;
  const partial = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(partial, JSON.stringify(mail, null, 2), { mode: 0o600 });
  await rename(partial, path.join(dir, name));
  return true;
}
