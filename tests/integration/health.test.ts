import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET as liveness } from "@/app/health/route";
import { GET as readiness } from "@/app/health/ready/route";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readinessResponse } from "@/lib/server/health/readiness";

// Port 1 on loopback: nothing listens there, so every connection is refused at once.
const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/doorbraak" }) });
afterAll(() => unreachable.$disconnect());

describe("liveness: /health", () => {
  it("answers ok without asking the database, so it stays the static floor of the benchmark", async () => {
    const response = liveness();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok\n");
  });
});

describe("readiness: /health/ready", () => {
  it("answers ok when the database answers", async () => {
    const response = await readiness();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok\n");
  });

  it("answers 503 with a short body, and no details, when the database cannot be reached", async () => {
    const response = await readinessResponse(unreachable);
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).toBe("database unreachable\n");
    expect(body).not.toMatch(/127\.0\.0\.1|postgres|ECONNREFUSED/);
  });

  it("answers 503 when the database hangs, instead of waiting for it", async () => {
    const hanging = { $queryRaw: () => new Promise<never>(() => {}) };
    const response = await readinessResponse(hanging, 50);
    expect(response.status).toBe(503);
  });
});
