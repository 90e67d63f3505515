"use server";

import { signIn } from "@/lib/auth/auth";
import { requestMeta } from "@/lib/auth/session";
import { registerInput } from "@/lib/domain/inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { registerFamily } from "@/lib/server/users/register-family";

export async function registerAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  const input = { name: formData.get("name"), email: formData.get("email"), password: formData.get("password") };
  const meta = await requestMeta();
  const result = await runAction(registerInput, input, values, (parsed) => registerFamily(parsed, meta));
  if (!result?.ok) return result;
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/melden" });
  return result;
}
