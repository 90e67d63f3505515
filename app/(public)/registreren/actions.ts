"use server";

import { signIn } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/auth/return-to";
import { requestMeta } from "@/lib/auth/session";
import { registerInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { registerFamily } from "@/lib/server/users/register-family";

export async function registerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  delete values.terug;
  const input = { name: formData.get("name"), email: formData.get("email"), password: formData.get("password") };
  const meta = await requestMeta();
  const result = await runAction(registerInput, input, values, (parsed) => registerFamily(parsed, meta));
  if (!result?.ok) return result;
  // Someone who came from an invitation link goes back to it; everyone else starts a case.
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeReturnTo(formData.get("terug"), "/melden") });
  return result;
}
