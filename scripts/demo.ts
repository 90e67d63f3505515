/**
 * `npm run demo`: the portal with demo data, on the embedded PostgreSQL
 * (PGlite, in .data/pglite) unless DATABASE_URL points at a server.
 * Migrates and seeds on first start, builds, and serves on PORT (3000), at localhost and
 * 127.0.0.1 alike. Its mails are kept in .data/mailbox and shown at /demo/post.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { migrateDeploy, repoRoot, type Target } from "./db/engine";
import { run, seedDemo } from "./run";

/** A per-installation secret for the demo, kept beside its data, unless the variable gives one. */
function demoSecret(variable: string, fileName: string): string {
  const given = process.env[variable];
  if (given) return given;
  const file = path.join(repoRoot, ".data", fileName);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** A second demo on the same port would also open the embedded database, which only one process may do. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port);
  });
}

async function main(): Promise<void> {
  const port = process.env.PORT ?? "3000";
  if (!(await portIsFree(Number(port)))) {
    throw new Error(`Port ${port} is in use. Is the demo already running? Stop it, or set PORT to another port.`);
  }
  const target: Target = process.env.DATABASE_URL
    ? { kind: "postgres", url: process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL }
    : { kind: "pglite", dataDir: path.join(repoRoot, ".data", "pglite") };
  console.log(target.kind === "pglite" ? "Database: embedded (PGlite) in .data/pglite" : "Database: DATABASE_URL");
  await migrateDeploy(target);
  const address = `http://localhost:${port}`;
  const env = {
    AUTH_SECRET: demoSecret("AUTH_SECRET", "auth-secret"),
    AUDIT_MAC_KEY: demoSecret("AUDIT_MAC_KEY", "audit-mac-key"),
    // No AUTH_URL (unless given): sign-in takes the host from each request, so the demo works
    // at localhost and at 127.0.0.1 alike; mails link to PUBLIC_URL (lib/http/public-address.ts).
    ...(process.env.AUTH_URL ? {} : { AUTH_TRUST_HOST: "1", PUBLIC_URL: process.env.PUBLIC_URL || address }),
    // Without a mail server, every mail is also kept for the demo's mailbox page.
    ...(process.env.SMTP_URL ? {} : { DEMO_MAILBOX_DIR: path.join(repoRoot, ".data", "mailbox") }),
  };
  // The owner seeds; the portal then runs as doorbraak_app (DATABASE_URL on a server, decision 016).
  await seedDemo(target.kind === "postgres" ? { ...env, DATABASE_URL: target.url } : { ...env, EMBEDDED_DATABASE_AS_OWNER: "1" });
  await run("npx", ["next", "build"], env);
  const opened = process.env.AUTH_URL ?? address;
  console.log(`\nDoorbraak runs at ${opened}${process.env.AUTH_URL ? "" : ` (or http://127.0.0.1:${port})`} — demo accounts are listed in README.md`);
  console.log(process.env.SMTP_URL ? "Mails go out through SMTP_URL.\n" : `The mails the demo would send: ${opened}/demo/post\n`);
  await run("npm", ["start", "--", "-p", port], env);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
