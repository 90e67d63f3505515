"use server";

import { z } from "@/lib/domain/zod";
import { requireActor } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { verifyAuditTrail, type TrailVerification } from "@/lib/server/audit/verify-audit-trail";

const verifyChainInput = z.object({ caseNumber: z.string().regex(caseNumberPattern) }).strict();

/** Recomputes the case's audit chain and returns the outcome to the form; the page itself is not reloaded. */
export async function verifyChainAction(_prev: ActionState<TrailVerification>, formData: FormData): Promise<ActionState<TrailVerification>> {
  const number = formData.get("caseNumber");
  const actor = await requireActor(typeof number === "string" && caseNumberPattern.test(number) ? `/zaken/${number}/audit` : "/ombudsman");
  return runAction(verifyChainInput, { caseNumber: number ?? undefined }, formValues(formData), (p) => verifyAuditTrail(actor, p.caseNumber));
}
