import { prisma } from "@/lib/db/client";

/**
 * Runs an operator's command: its exit code is what `main` answers (0 done, 1 refused
 * or failed as expected), 2 for an unexpected error, whose message alone is printed.
 */
export function runCommand(main: () => Promise<number>): void {
  main()
    .then(async (code) => {
      await prisma.$disconnect();
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    });
}
