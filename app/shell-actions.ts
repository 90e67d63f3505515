"use server";

import { cookies } from "next/headers";
import { auth, signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/session";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";
import { isLocale } from "@/lib/i18n/locales";
import { signOutEverywhere, signOutSession } from "@/lib/server/sign-in/sign-out";

/** Removing the cookie is not enough: a copy of it must stop working too (decision 017). */
export async function signOutAction(): Promise<void> {
  const user = (await auth())?.user;
  if (user?.id) await signOutSession({ userId: user.id, sessionId: user.sessionId, signedInAt: user.signedInAt });
  await signOut({ redirectTo: "/" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutEverywhere(actor);
  await signOut({ redirectTo: "/" });
}

export async function switchLanguageAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set("locale", locale, {
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
    httpOnly: true,
    secure: cookiesMustBeSecure(),
  });
}
