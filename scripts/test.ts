/**
 * `npm test`: every test of the project.
 *   1. unit and integration tests (Vitest; integration tests make their own databases),
 *   2. end-to-end tests (Playwright in Chromium) against a production build,
 *      on a database this script creates, migrates and seeds, and drops afterwards.
 *   3. the journeys that carry state from request to request again, against two server
 *      processes behind one address (decision 041), on the same build and database.
 * `npm test -- e2e` runs only steps 2 and 3, `npm test -- vitest` only step 1;
 * after `e2e`, further arguments go to Playwright (`npm test -- e2e tests/e2e/journey.spec.ts`),
 * and then step 3 is left out.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDeploy } from "./db/engine";
import { run, seedDemo } from "./run";
import { appDatabaseUrl, createDatabase, databaseUrl, dropDatabase, TEST_AUDIT_MAC_KEY, uniqueDatabaseName } from "../tests/support/postgres";

async function endToEnd(playwrightArgs: string[]): Promise<void> {
  const name = uniqueDatabaseName("doorbraak_e2e");
  await createDatabase(name);
  const mailbox = await mkdtemp(path.join(tmpdir(), "doorbraak-e2e-mailbox-"));
  try {
    const secret = process.env.AUTH_SECRET ?? "test-secret-used-only-by-the-end-to-end-tests";
    // The owner migrates and seeds; the portal runs as doorbraak_app, under row-level security.
    const macKey = process.env.AUDIT_MAC_KEY ?? TEST_AUDIT_MAC_KEY;
    const owner = { DATABASE_URL: databaseUrl(name), AUTH_SECRET: secret, AUDIT_MAC_KEY: macKey };
    // The portal keeps its mails in a mailbox of this run, as the demo does, so that a test can read them at /demo/post.
    const portal = { DATABASE_URL: appDatabaseUrl(name), DATABASE_OWNER_URL: databaseUrl(name), AUTH_SECRET: secret, AUDIT_MAC_KEY: macKey, DEMO_MAILBOX_DIR: mailbox };
    await migrateDeploy({ kind: "postgres", url: owner.DATABASE_URL });
    await seedDemo(owner);
    await run("npx", ["next", "build"], portal);
    await run("npx", ["playwright", "test", ...playwrightArgs], portal);
    if (playwrightArgs.length === 0) await run("npx", ["playwright", "test"], { ...portal, E2E_PROCESSES: "2" });
  } finally {
    await dropDatabase(name);
    await rm(mailbox, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== "e2e") await run("npx", ["vitest", "run"]);
  if (only !== "vitest") await endToEnd(only === "e2e" ? process.argv.slice(3) : []);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
