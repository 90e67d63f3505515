import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { followCase } from "@/lib/server/cases/follow-case";
import { NotFoundError } from "@/lib/server/errors";

export async function loadFamilyCase(actor: Actor, number: string) {
  if (!caseNumberPattern.test(number)) notFound();
  try {
    return await followCase(actor, number);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
