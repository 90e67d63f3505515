/**
 * The portal's background queues (decision 010), by name: shared by the jobs
 * themselves (start-jobs.ts) and by services that ask for a run (run-soon.ts).
 */
export const jobQueues = {
  overdueScan: "overdue-scan",
  outbox: "outbox",
  retention: "retention",
  statistics: "statistics",
} as const;

export type JobQueue = (typeof jobQueues)[keyof typeof jobQueues];
