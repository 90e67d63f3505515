import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded on our machines. The CLI only
// checks that this file exists before `generate`/`validate`; migrations go
// through scripts/db/migrate.ts (the wasm engine) instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL("./scripts/db/schema-engine-stub.sh", import.meta.url),
);

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Optional so that `prisma generate` (npm ci's postinstall) loads without a database.
  ...(url ? { datasource: { url } } : {}),
});
