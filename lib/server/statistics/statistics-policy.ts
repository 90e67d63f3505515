import "server-only";
import { prisma } from "@/lib/db/client";
import { DEFAULT_THRESHOLD, isValidThreshold } from "@/lib/domain/disclosure";

/** The one row of the platform's statistics settings. */
export const STATISTICS_POLICY_ID = "platform";

/** The threshold below which counts are never shown: the platform admin's, else the default. */
export async function statisticsThreshold(): Promise<number> {
  const policy = await prisma.statisticsPolicy.findUnique({ where: { id: STATISTICS_POLICY_ID }, select: { threshold: true } });
  return policy && isValidThreshold(policy.threshold) ? policy.threshold : DEFAULT_THRESHOLD;
}
