import "server-only";
import { cookies } from "next/headers";
import { signUpLinkValidHours } from "@/lib/domain/sign-up";
import { safeReturnTo } from "./return-to";

const COOKIE = "doorbraak-sign-up-return";

/**
 * Where someone was going when they asked for an account (an invitation, say). The mail's
 * link carries nothing but the token, so the browser that asked keeps the way back; a
 * link opened in another browser goes to filing, the usual next step.
 */
export async function rememberSignUpReturn(value: unknown): Promise<void> {
  const store = await cookies();
  if (typeof value !== "string" || value === "") {
    store.delete(COOKIE);
    return;
  }
  store.set(COOKIE, safeReturnTo(value, "/melden"), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https:"),
    path: "/registreren",
    maxAge: signUpLinkValidHours * 60 * 60,
  });
}

/** The remembered way back, used once. */
export async function takeSignUpReturn(): Promise<string> {
  const store = await cookies();
  const value = store.get(COOKIE)?.value;
  store.delete(COOKIE);
  return safeReturnTo(value, "/melden");
}
