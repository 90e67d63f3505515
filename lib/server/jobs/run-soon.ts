import "server-only";
import type { Jobs } from "./start-jobs";
import type { JobQueue } from "./queues";

export { jobQueues } from "./queues";

/**
 * Asks for a run of a queue now rather than at its next scheduled time, for
 * example the statistics after a case closed, so that people see their own
 * change counted within seconds. Uses the jobs this server started
 * (instrumentation.ts); where none run here (JOBS_DISABLED), the schedule of
 * the dedicated workers picks the change up. Never throws: the change itself
 * is already saved.
 */
export async function runSoon(name: JobQueue): Promise<void> {
  try {
    const jobs = await (globalThis as { doorbraakJobs?: Promise<Jobs | undefined> }).doorbraakJobs;
    if (!jobs) return;
    if (jobs.boss) {
      // "stately": when a run is already waiting, this adds nothing.
      await jobs.boss.send(name, {});
      return;
    }
    await jobs.runNow?.(name);
  } catch (error) {
    console.error(`[jobs ${name}] could not ask for a run`, error);
  }
}
