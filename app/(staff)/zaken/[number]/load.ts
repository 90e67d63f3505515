import "server-only";
import { notFound } from "next/navigation";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { NotFoundError } from "@/lib/server/errors";

/** Runs a case read for a page; "not found" and "not yours" become the 404 page. */
export async function orNotFound<T>(number: string, read: () => Promise<T>): Promise<T> {
  if (!caseNumberPattern.test(number)) notFound();
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
