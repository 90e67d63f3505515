import "server-only";
import type { z } from "@/lib/domain/zod";
import { signIn } from "@/lib/auth/auth";
import type { RequestMeta } from "@/lib/auth/actor";
import { requestMeta } from "@/lib/auth/session";
import { formValues, runAction, type ActionState } from "@/lib/server/action";

/**
 * The form behind a mailed link (sign-up, a staff invitation): the person chooses name and
 * password, the account is made for the address the link was sent to, and they are signed
 * in and sent on. The password and the token are never given back to the form.
 */
export async function makeAccountFromLink<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  make: (parsed: z.output<S>, meta: RequestMeta) => Promise<{ email: string }>,
  redirectTo: () => Promise<string>,
): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  delete values.token;
  const input = { token: formData.get("token") ?? "", name: formData.get("name") ?? "", password: formData.get("password") ?? "" };
  const meta = await requestMeta();
  const result = await runAction(schema, input, values, (parsed) => make(parsed, meta));
  if (!result?.ok) return result;
  await signIn("credentials", { email: result.data.email, password: input.password, redirectTo: await redirectTo() });
  return result;
}
