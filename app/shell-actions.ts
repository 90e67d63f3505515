"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";
import { isLocale } from "@/lib/i18n/locales";

export async function signOutAction(): Promise<void> {
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
