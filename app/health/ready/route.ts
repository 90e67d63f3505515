import { readinessResponse } from "@/lib/server/health/readiness";

/**
 * Readiness, for a load balancer that should send no traffic to a server that
 * cannot reach its database: asks the database every time. `/health` stays the
 * liveness check (the process answers) and the benchmark's static floor.
 */
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return readinessResponse();
}
