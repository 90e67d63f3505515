import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { RegisterInput } from "@/lib/domain/inputs";
import { asAnonymous, enterScope } from "@/lib/db/acting";
import { databaseScopeOf } from "@/lib/domain/database-scope";
import type { RequestMeta } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { DomainError } from "@/lib/server/errors";
import { isGuessablePassword } from "./password-strength";

/**
 * A parent or youth creates their own account. It gets the FAMILY role, which
 * reaches only the cases they file or are added to.
 */
export async function registerFamily(input: RegisterInput, request: RequestMeta): Promise<{ userId: string }> {
  if (isGuessablePassword(input.password, [input.name, input.email])) throw new DomainError("checkFields", { password: "passwordTooCommon" });
  const passwordHash = await hashPassword(input.password);
  return asAnonymous(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new DomainError("checkFields", { email: "emailTaken" });
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, memberships: { create: { role: "FAMILY" } } },
    });
    // From here on the new person acts, for their own audit event.
    await enterScope(tx, databaseScopeOf(user.id, [{ role: "FAMILY", gemeenteId: null, regionId: null }]));
    await writeAudit(
      tx,
      { userId: user.id, name: user.name, email: user.email, organisation: null, memberships: [], request },
      { action: "user.register", role: "FAMILY", changes: { userId: { old: null, new: user.id } } },
    );
    return { userId: user.id };
  });
}
