"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeReturnTo } from "@/lib/auth/return-to";
import { secondStepPath } from "@/lib/auth/sign-in-state";
import { signInInput } from "@/lib/domain/inputs";
import { formValues, type ActionState } from "@/lib/server/action";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  const parsed = signInInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, error: "signInFailed", fieldErrors: {}, values };
  try {
    // The second step sends on at once whoever needs no second factor.
    await signIn("credentials", { ...parsed.data, redirectTo: secondStepPath(safeReturnTo(formData.get("terug"))) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, error: error.code === "locked" ? "tooManyAttempts" : "signInFailed", fieldErrors: {}, values };
    }
    if (error instanceof AuthError) {
      console.error("[sign-in]", error);
      return { ok: false, error: "unexpected", fieldErrors: {}, values };
    }
    throw error;
  }
  return null;
}
