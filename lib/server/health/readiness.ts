import "server-only";
import { prisma } from "@/lib/db/client";

/** The one thing readiness needs of a database client, so a test can hand in one that is down. */
export type DatabaseProbe = { $queryRaw: (query: TemplateStringsArray) => Promise<unknown> };

/** Longer than a healthy database ever takes, shorter than a load balancer's own timeout. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether this server can serve pages now: it reaches its database. A trivial
 * query, with a time limit, because a database that hangs must count as down
 * instead of holding the probe until the load balancer gives up.
 */
export async function databaseReachable(client: DatabaseProbe = prisma, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([client.$queryRaw`SELECT 1`.then(() => true), timedOut]);
  } catch (error) {
    // Logged for the operator; the probe's answer stays short and says nothing of the setup.
    console.error("readiness: database not reachable", error instanceof Error ? error.message : error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** 200 when the database answers, 503 with a short reason when it does not. Never cached. */
export async function readinessResponse(client?: DatabaseProbe, timeoutMs?: number): Promise<Response> {
  const ready = await databaseReachable(client, timeoutMs);
  return new Response(ready ? "ok\n" : "database unreachable\n", {
    status: ready ? 200 : 503,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
