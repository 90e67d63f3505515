import "server-only";
import { runOverdueScan } from "@/lib/server/deadlines/overdue-scan";
import { scanOverdueAssignments } from "@/lib/server/monitoring/overdue-assignments";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { purgeExpiredCases } from "@/lib/server/retention/purge-cases";
import { purgeExpiredSignOuts } from "@/lib/server/sign-in/sign-out";
import { makeQuarterlyReports } from "@/lib/server/statistics/make-quarterly-reports";
import { publishFigures } from "@/lib/server/statistics/publish-figures";
import { detectSignals } from "@/lib/server/statistics/signals";

/** A run never goes on forever: what is left waits for the next one. */
const MAX_BATCHES = 20;
const SCAN_BATCH = 100;
const OUTBOX_BATCH = 20;
const RETENTION_BATCH = 50;

/** One run of the overdue scan, batch after batch while batches come back full. */
export async function overdueScanJob(now: Date = new Date()) {
  const total = { candidates: 0, overdue: 0, escalated: 0, skipped: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const result = await runOverdueScan({ now, limit: SCAN_BATCH });
    total.candidates += result.candidates;
    total.overdue += result.overdue;
    total.escalated += result.escalated;
    total.skipped += result.skipped;
    total.failed += result.failed;
    if (result.candidates < SCAN_BATCH) break;
  }
  return { ...total, assignments: await scanOverdueAssignments({ now, limit: SCAN_BATCH, maxBatches: MAX_BATCHES }) };
}

/** One run of the outbox: sends what is due, batch after batch. */
export async function outboxJob() {
  let sent = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const claimed = await deliverOutbox({ limit: OUTBOX_BATCH });
    sent += claimed;
    if (claimed < OUTBOX_BATCH) break;
  }
  return { sent };
}

/**
 * One run of the retention job: removes the content of closed cases whose period has
 * passed (decision 014), and the sign-outs of sessions that have expired (decision 017).
 */
export async function retentionJob(now: Date = new Date()) {
  const cases = await purgeExpiredCases({ now, batchSize: RETENTION_BATCH, maxBatches: MAX_BATCHES });
  return { ...cases, signOuts: await purgeExpiredSignOuts(now) };
}

/**
 * One run of the statistics job: publishes the figures of every year whose facts changed
 * (decision 029), counts the structural signals of the regions (decision 030), then makes a
 * batch of the last quarter's missing reports, which list those signals (decision 031).
 */
export async function statisticsJob(now: Date = new Date()) {
  const figures = await publishFigures({ now });
  const signals = await detectSignals({ now });
  return { ...figures, signals, reports: await makeQuarterlyReports({ now }) };
}
