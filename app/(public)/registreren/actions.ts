"use server";

import { requestMeta } from "@/lib/auth/session";
import { rememberSignUpReturn } from "@/lib/auth/sign-up-return";
import { requestSignUpInput } from "@/lib/domain/sign-up";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { requestSignUp } from "@/lib/server/users/request-sign-up";

export type RequestSignUpState = ActionState<{ email: string }>;

/** Asks for an account: the answer is "check your mail", whether the address has an account or not. */
export async function registerAction(_prev: RequestSignUpState, formData: FormData): Promise<RequestSignUpState> {
  const values = formValues(formData);
  delete values.terug;
  const meta = await requestMeta();
  const result = await runAction(requestSignUpInput, { email: formData.get("email") ?? "" }, values, async (parsed) => {
    await requestSignUp(parsed, meta);
    return { email: parsed.email };
  });
  if (result?.ok) await rememberSignUpReturn(formData.get("terug"));
  return result;
}
