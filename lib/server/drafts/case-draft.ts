import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { caseDraftInput, type CaseDraftInput } from "@/lib/domain/inputs";
import { may } from "@/lib/domain/permissions";
import type { Tx } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { caseScope } from "@/lib/db/scope";
import { ForbiddenError } from "@/lib/server/errors";

/**
 * A person's unfinished filing. It is theirs alone (keyed by their own user
 * id, never by an id from the request) and holds no case yet, so it has no
 * gemeente and no audit trail; filing the case deletes it.
 */
export async function saveDraft(actor: Actor, values: CaseDraftInput): Promise<void> {
  if (!may(actorRoles(actor), "case.file")) throw new ForbiddenError();
  // A save that arrives after its form was filed must not bring the draft back.
  if (values.submissionId) {
    const filed = await asActor(actor, (tx) => tx.case.count({ where: { AND: [{ submissionId: values.submissionId }, caseScope(actor, "case.follow")] } }));
    if (filed > 0) return;
  }
  await asActor(actor, (tx) => tx.caseDraft.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, values },
    update: { values },
  }));
}

export async function loadDraft(actor: Actor): Promise<{ values: CaseDraftInput; updatedAt: Date } | null> {
  const draft = await asActor(actor, (tx) => tx.caseDraft.findUnique({ where: { userId: actor.userId } }));
  if (!draft) return null;
  // A draft written by an older version of the form may not fit any more: start afresh then.
  const parsed = caseDraftInput.safeParse(draft.values);
  return parsed.success ? { values: parsed.data, updatedAt: draft.updatedAt } : null;
}

export async function deleteDraft(tx: Tx, actor: Actor): Promise<void> {
  await tx.caseDraft.deleteMany({ where: { userId: actor.userId } });
}
