import "server-only";
import PgBoss from "pg-boss";
import { outboxJob, overdueScanJob, retentionJob, statisticsJob } from "./handlers";
import { jobQueues, type JobQueue } from "./queues";

/**
 * Background work of the portal, on a PostgreSQL-backed job queue (pg-boss,
 * decision 010) so that any number of servers can run it: each scheduled run
 * is one job, taken by one worker. The embedded demo database (PGlite) has no
 * server to connect to; there, the same handlers run on an in-process timer.
 */
export { jobQueues, type JobQueue } from "./queues";

const TIME_ZONE = "Europe/Amsterdam";

/** Queue settings: "stately" keeps at most one job waiting and one running per queue, so a slow run never piles up jobs. */
const queues: { name: JobQueue; cron: string; everyMs: number; run: () => Promise<object>; expireInSeconds: number }[] = [
  { name: jobQueues.overdueScan, cron: "*/15 * * * *", everyMs: 15 * 60_000, run: () => overdueScanJob(), expireInSeconds: 10 * 60 },
  // A batch of mail with slow SMTP time-outs may take minutes; the outbox's own claim (30 minutes) outlasts this.
  { name: jobQueues.outbox, cron: "* * * * *", everyMs: 60_000, run: () => outboxJob(), expireInSeconds: 25 * 60 },
  // Daily, at night: a case removed a few hours after its period ran out is fine (decision 014).
  { name: jobQueues.retention, cron: "30 3 * * *", everyMs: 24 * 60 * 60_000, run: () => retentionJob(), expireInSeconds: 60 * 60 },
  // A run with nothing changed reads one date per year; the figures are at most a few minutes behind (decision 029).
  { name: jobQueues.statistics, cron: "*/5 * * * *", everyMs: 5 * 60_000, run: () => statisticsJob(), expireInSeconds: 30 * 60 },
];

export type Jobs = {
  mode: "pg-boss" | "interval";
  /** The queue, when running on pg-boss (tests send jobs through it) */
  boss: PgBoss | null;
  stop(): Promise<void>;
  /** Runs a queue now on the in-process timers (the demo), unless it is running already */
  runNow?(name: JobQueue): Promise<void>;
};

export type StartJobsOptions = {
  /** PostgreSQL for pg-boss; without it (the PGlite demo) an in-process timer runs the jobs. Defaults to DATABASE_URL. */
  connectionString?: string | null;
  /** Whether this process puts the scheduled jobs on the queue (default true); workers run either way. */
  schedule?: boolean;
};

export async function startJobs({ connectionString = process.env.DATABASE_URL, schedule = true }: StartJobsOptions = {}): Promise<Jobs> {
  return connectionString ? startPgBoss(connectionString, schedule) : startIntervals();
}

async function startPgBoss(connectionString: string, schedule: boolean): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString,
    // Its own schema, outside Prisma's: the migrations never see or touch it.
    schema: "pgboss",
    application_name: "doorbraak-jobs",
    max: 4,
    schedule,
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const queue of queues) {
    await boss.createQueue(queue.name, { name: queue.name, policy: "stately", retryLimit: 1, retryDelay: 60, expireInSeconds: queue.expireInSeconds });
    if (schedule) await boss.schedule(queue.name, queue.cron, {}, { tz: TIME_ZONE });
    await boss.work(queue.name, async () => queue.run());
  }
  return { mode: "pg-boss", boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

function startIntervals(): Jobs {
  const running = new Map<JobQueue, Promise<unknown>>();
  const start = (queue: (typeof queues)[number]): Promise<unknown> => {
    // A slow run (a slow mail server) must not stack up runs.
    const busy = running.get(queue.name);
    if (busy) return busy;
    const run = queue
      .run()
      .catch((error: unknown) => console.error(`[jobs ${queue.name}]`, error))
      .finally(() => running.delete(queue.name));
    running.set(queue.name, run);
    return run;
  };
  const timers = queues.map((queue) => {
    const timer = setInterval(() => void start(queue), queue.everyMs);
    // The timers alone must never keep the process alive.
    timer.unref();
    return timer;
  });
  return {
    mode: "interval",
    boss: null,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
    async runNow(name) {
      const queue = queues.find((q) => q.name === name);
      if (queue) await start(queue);
    },
  };
}
