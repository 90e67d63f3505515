"use server";

import { signIn } from "@/lib/auth/auth";
import { requestMeta } from "@/lib/auth/session";
import { takeSignUpReturn } from "@/lib/auth/sign-up-return";
import { completeSignUpInput } from "@/lib/domain/sign-up";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { registerFamily } from "@/lib/server/users/register-family";

/** The person with the mailed link chooses name and password; the account is made and signed in. */
export async function completeSignUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  delete values.token;
  const input = { token: formData.get("token") ?? "", name: formData.get("name") ?? "", password: formData.get("password") ?? "" };
  const meta = await requestMeta();
  const result = await runAction(completeSignUpInput, input, values, (parsed) => registerFamily(parsed, meta));
  if (!result?.ok) return result;
  // Someone who came from an invitation link goes back to it; everyone else starts a case.
  await signIn("credentials", { email: result.data.email, password: input.password, redirectTo: await takeSignUpReturn() });
  return result;
}
