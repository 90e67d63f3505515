import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { demoMail, type DemoMail } from "@/lib/domain/demo-mail";
import { demoMailboxDir } from "./mailbox-dir";

/**
 * Every mail in the demo's mailbox, newest first; null where there is no mailbox (not the
 * demo, or a real mail server). A file that is not a mail is passed over.
 */
export async function readDemoMailbox(env: Record<string, string | undefined> = process.env): Promise<DemoMail[] | null> {
  const dir = demoMailboxDir(env);
  if (dir === null) return null;
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json") && !name.startsWith("."));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const mails = await Promise.all(names.map((name) => readMail(path.join(dir, name))));
  return mails.filter((mail): mail is DemoMail => mail !== null).sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
}

async function readMail(file: string): Promise<DemoMail | null> {
  try {
    const parsed = demoMail.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
