import "server-only";
import type { RequestMeta } from "@/lib/auth/actor";
import { asAnonymous, enterScope } from "@/lib/db/acting";
import { systemScope } from "@/lib/domain/database-scope";
import type { RequestSignUpInput } from "@/lib/domain/sign-up";
import { DomainError } from "@/lib/server/errors";
import { signUpLimiter, type SignUpLimiter } from "./sign-up-limit";

/**
 * Someone asks for an account for an address. The answer is the same whether the address
 * has an account or not, and so is the work: one lookup and one mail in the outbox. A new
 * address gets a link to finish the account; a known one is told how to sign in.
 * An outbox row without a case may only be added in the system scope (decision 016).
 */
export async function requestSignUp(input: RequestSignUpInput, request: RequestMeta, limiter: SignUpLimiter = signUpLimiter()): Promise<void> {
  if (!(await limiter.allow({ email: input.email, ip: request.ip }))) throw new DomainError("signUpThrottled");
  await asAnonymous(async (tx) => {
    const existing = await tx.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } });
    await enterScope(tx, systemScope);
    await tx.outboxMessage.create({
      data: { recipient: input.email, template: existing ? "sign-up-existing" : "sign-up", caseId: null, gemeenteId: null, channel: "email" },
      select: { id: true },
    });
  });
}
