import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_THRESHOLD, isValidThreshold, MAX_THRESHOLD, MIN_THRESHOLD } from "@/lib/domain/disclosure";
import type { StatisticsThresholdInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { ForbiddenError } from "@/lib/server/errors";
import { jobQueues, runSoon } from "@/lib/server/jobs/run-soon";

/** The one row of the platform's statistics settings. */
export const STATISTICS_POLICY_ID = "platform";

/** The threshold below which counts are never shown: the platform admin's, else the default. */
export async function statisticsThreshold(db: Pick<PrismaClient, "statisticsPolicy"> = prisma): Promise<number> {
  const policy = await db.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true } });
  return policy && isValidThreshold(policy.threshold) ? policy.threshold : DEFAULT_THRESHOLD;
}

export type StatisticsSettings = { threshold: number; isDefault: boolean; defaultThreshold: number; min: number; max: number };

/** The threshold as the platform admin's form shows it. */
export async function readStatisticsSettings(actor: Actor): Promise<StatisticsSettings> {
  if (!may(actorRoles(actor), "platform.configureStatistics")) throw new ForbiddenError();
  const policy = await prisma.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true } });
  const valid = policy !== null && isValidThreshold(policy.threshold);
  return {
    threshold: valid ? policy.threshold : DEFAULT_THRESHOLD,
    isDefault: !valid,
    defaultThreshold: DEFAULT_THRESHOLD,
    min: MIN_THRESHOLD,
    max: MAX_THRESHOLD,
  };
}

/** A platform admin sets the threshold; the statistics job publishes every year again with it. */
export async function updateStatisticsThreshold(actor: Actor, input: StatisticsThresholdInput): Promise<void> {
  if (!may(actorRoles(actor), "platform.configureStatistics")) throw new ForbiddenError();
  await asActor(actor, async (tx) => {
    const before = await tx.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true } });
    await tx.statisticsPolicy.upsert({
      where: { id: STATISTICS_POLICY_ID },
      create: { id: STATISTICS_POLICY_ID, threshold: input.threshold, updatedById: actor.userId },
      update: { threshold: input.threshold, updatedById: actor.userId },
    });
    await writeAudit(tx, actor, {
      action: "platform.updateStatisticsThreshold",
      role: "PLATFORM_ADMIN",
      changes: { threshold: { old: before?.threshold ?? DEFAULT_THRESHOLD, new: input.threshold } },
    });
  });
  void runSoon(jobQueues.statistics);
}
