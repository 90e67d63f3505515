import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { asActor } from "@/lib/db/acting";
import { prisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_THRESHOLD, isValidThreshold, MAX_THRESHOLD, MIN_THRESHOLD } from "@/lib/domain/disclosure";
import type { StatisticsThresholdInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import { DEFAULT_SIGNAL_THRESHOLD, effectiveSignalThreshold, isValidSignalThreshold, MAX_SIGNAL_THRESHOLD, MIN_SIGNAL_THRESHOLD } from "@/lib/domain/signals";
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

/**
 * The number of cases from which the same cause or kind of organisation in a
 * region's quarter is a structural signal: the platform admin's, else the
 * default, and never below the figures' threshold (lib/domain/signals.ts).
 */
export async function signalThreshold(db: Pick<PrismaClient, "statisticsPolicy"> = prisma): Promise<number> {
  const policy = await db.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true, signalThreshold: true } });
  const figures = policy && isValidThreshold(policy.threshold) ? policy.threshold : DEFAULT_THRESHOLD;
  return effectiveSignalThreshold(policy?.signalThreshold ?? null, figures);
}

export type StatisticsSettings = {
  threshold: number;
  isDefault: boolean;
  defaultThreshold: number;
  min: number;
  max: number;
  signals: { threshold: number; isDefault: boolean; defaultThreshold: number; min: number; max: number; effective: number };
};

/** The threshold as the platform admin's form shows it. */
export async function readStatisticsSettings(actor: Actor): Promise<StatisticsSettings> {
  if (!may(actorRoles(actor), "platform.configureStatistics")) throw new ForbiddenError();
  const policy = await prisma.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true, signalThreshold: true } });
  const valid = policy !== null && isValidThreshold(policy.threshold);
  const threshold = valid ? policy.threshold : DEFAULT_THRESHOLD;
  const signalSet = isValidSignalThreshold(policy?.signalThreshold);
  return {
    threshold,
    isDefault: !valid,
    defaultThreshold: DEFAULT_THRESHOLD,
    min: MIN_THRESHOLD,
    max: MAX_THRESHOLD,
    signals: {
      threshold: signalSet ? policy!.signalThreshold! : DEFAULT_SIGNAL_THRESHOLD,
      isDefault: !signalSet,
      defaultThreshold: DEFAULT_SIGNAL_THRESHOLD,
      min: MIN_SIGNAL_THRESHOLD,
      max: MAX_SIGNAL_THRESHOLD,
      effective: effectiveSignalThreshold(policy?.signalThreshold ?? null, threshold),
    },
  };
}

/**
 * A platform admin sets the figures' threshold and the signals' threshold; the
 * statistics job publishes every year again with them and counts the signals.
 */
export async function updateStatisticsThreshold(actor: Actor, input: StatisticsThresholdInput): Promise<void> {
  if (!may(actorRoles(actor), "platform.configureStatistics")) throw new ForbiddenError();
  await asActor(actor, async (tx) => {
    const before = await tx.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true, signalThreshold: true } });
    const values = { threshold: input.threshold, signalThreshold: input.signalThreshold, updatedById: actor.userId };
    await tx.statisticsPolicy.upsert({ where: { id: STATISTICS_POLICY_ID }, create: { id: STATISTICS_POLICY_ID, ...values }, update: values });
    await writeAudit(tx, actor, {
      action: "platform.updateStatisticsThreshold",
      role: "PLATFORM_ADMIN",
      changes: {
        threshold: { old: before?.threshold ?? DEFAULT_THRESHOLD, new: input.threshold },
        signalThreshold: { old: before?.signalThreshold ?? DEFAULT_SIGNAL_THRESHOLD, new: input.signalThreshold },
      },
    });
  });
  void runSoon(jobQueues.statistics);
}
