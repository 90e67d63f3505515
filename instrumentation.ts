/**
 * Runs once when a Next.js server starts, and starts the background jobs
 * (lib/server/jobs/start-jobs.ts): the overdue scan every 15 minutes, the
 * outbox every minute, the statistics every 5 minutes and retention daily. With DATABASE_URL they run on pg-boss, so any number
 * of servers can share them; on the embedded demo database, on a timer in
 * this process.
 *
 * JOBS_DISABLED=1 turns them off in this process (e.g. a web-only server
 * next to dedicated workers).
 *
 * It also warns when the database connection is one that row-level security
 * does not apply to.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warnWhenPoliciesDoNotApply } = await import("@/lib/db/role-check");
  warnWhenPoliciesDoNotApply().catch((error: unknown) => console.error("[database] could not check the role", error));
  if (process.env.JOBS_DISABLED === "1" || process.env.JOBS_DISABLED === "true") return;
  const state = globalThis as { doorbraakJobs?: Promise<unknown> };
  if (state.doorbraakJobs) return;
  const { startJobs } = await import("@/lib/server/jobs/start-jobs");
  // Not awaited: a database that is slow to answer must not hold up the server's start.
  state.doorbraakJobs = startJobs().catch((error: unknown) => {
    console.error("[jobs] could not start", error);
    state.doorbraakJobs = undefined;
  });
}
