import "server-only";
import { prisma } from "@/lib/db/client";

/** Public reference data: every gemeente, for choosing the responsible one. */
export async function listGemeenten() {
  return prisma.gemeente.findMany({ orderBy: { name: "asc" }, select: { cbsCode: true, name: true, commonName: true } });
}
