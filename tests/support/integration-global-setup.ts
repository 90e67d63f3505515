import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/scripts/db/engine";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * One migrated template database for the run, with the reference data
 * (gemeenten, regions) loaded and every gemeente live (tests/support/standing-staff.ts). Each test file gets its own copy of it.
 */
export default async function setup(project: TestProject) {
  const template = uniqueDatabaseName("doorbraak_tpl");
  await createDatabase(template);
  try {
    const url = databaseUrl(template);
    await migrateDeploy({ kind: "postgres", url });

    process.env.DATABASE_URL = url;
    const { prisma } = await import("@/lib/db/client");
    const { importReferenceData } = await import("@/prisma/seed/reference");
    await importReferenceData(prisma);
    const { addStandingStaff } = await import("./standing-staff");
    await addStandingStaff(prisma);
    await prisma.$disconnect();
    delete (globalThis as { doorbraakPrisma?: unknown }).doorbraakPrisma;
    delete process.env.DATABASE_URL;
  } catch (error) {
    // A half-made template must not outlive a failed run.
    await dropDatabase(template);
    throw error;
  }

  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(template);
  };
}
