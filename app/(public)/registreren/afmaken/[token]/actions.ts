"use server";

import { makeAccountFromLink } from "@/lib/auth/account-from-link";
import { takeSignUpReturn } from "@/lib/auth/sign-up-return";
import { completeSignUpInput } from "@/lib/domain/sign-up";
import type { ActionState } from "@/lib/server/action";
import { registerFamily } from "@/lib/server/users/register-family";

/** The person with the mailed link chooses name and password; the account is made and signed in. */
export async function completeSignUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  // Someone who came from an invitation link goes back to it; everyone else starts a case.
  return makeAccountFromLink(formData, completeSignUpInput, registerFamily, takeSignUpReturn);
}
