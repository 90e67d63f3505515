import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { safeReturnTo } from "@/lib/auth/return-to";
import { currentSignIn, secondStepPath } from "@/lib/auth/sign-in-state";
import { signOutAction } from "@/app/shell-actions";
import { secondFactorAction } from "./actions";
import { SecondFactorForm } from "./second-factor-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("title") };
}

/**
 * After the password. Staff give the code from their app here (or set the app up first);
 * everyone else, and whoever is signed in already, goes on to where they were going.
 */
export default async function SecondStepPage({ searchParams }: { searchParams: Promise<{ terug?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).terug);
  const state = await currentSignIn();
  if (state.kind === "signedIn") redirect(returnTo);
  if (state.kind === "signedOut") redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);
  if (!state.enrolled) redirect(secondStepPath(returnTo, false));

  const t = await getTranslations("secondFactor");
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <SecondFactorForm action={secondFactorAction} returnTo={returnTo} />
      <p className="mt-8 max-w-prose">{t("lostBoth")}</p>
      <form action={signOutAction} className="mt-4">
        <button type="submit" className="font-semibold underline">
          {t("stop")}
        </button>
      </form>
    </div>
  );
}
