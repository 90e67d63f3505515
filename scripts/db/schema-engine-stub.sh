#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded
# here. `prisma generate`/`validate`/`format` only check that the file exists;
# anything that really starts the engine lands here.
echo "The native Prisma schema engine is not installed in this project." >&2
echo "Migrations run through the wasm engine: npm run db:migrate (deploy), npm run db:migrate:dev -- --name <what>, npm run db:check." >&2
exit 1
