import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { readAccessLog } from "@/lib/server/cases/access-log";
import { followCase } from "@/lib/server/cases/follow-case";
import { NotFoundError } from "@/lib/server/errors";

async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loadFamilyCase(actor: Actor, number: string) {
  if (!caseNumberPattern.test(number)) notFound();
  return orNotFound(() => followCase(actor, number));
}

/** One page of "Wie heeft mijn dossier bekeken?"; `before` is the day from the "meer tonen" link. */
export async function loadAccessLog(actor: Actor, number: string, before: string | null) {
  if (!caseNumberPattern.test(number)) notFound();
  return orNotFound(() => readAccessLog(actor, number, { before }));
}
