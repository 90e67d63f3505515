import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db/client";

/**
 * Runs an operator's command: its exit code is what `main` answers (0 done, 1 refused
 * or failed as expected), 2 for an unexpected error, whose message alone is printed.
 */
export function runCommand(main: () => Promise<number>): void {
  main()
    .then(async (code) => {
      await prisma.$disconnect();
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    });
}

/**
 * Operator commands that read the whole trail or its checkpoints connect as the
 * owner (decision 016): DATABASE_OWNER_URL when it is set, else DATABASE_URL; on the
 * embedded demo database, as its owner rather than as doorbraak_app.
 * Call before the first query; the client is made on first use.
 */
export function useOwnerConnection(): void {
  if (process.env.DATABASE_OWNER_URL) process.env.DATABASE_URL = process.env.DATABASE_OWNER_URL;
  if (process.env.DATABASE_URL) return;
  process.env.EMBEDDED_DATABASE_AS_OWNER = "1";
  // The demo keeps its audit key beside its data (scripts/demo.ts).
  const demoKey = path.join(process.cwd(), ".data", "audit-mac-key");
  if (!process.env.AUDIT_MAC_KEY && existsSync(demoKey)) process.env.AUDIT_MAC_KEY = readFileSync(demoKey, "utf8").trim();
}
