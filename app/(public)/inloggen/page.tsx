import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { safeReturnTo } from "@/lib/auth/return-to";
import { signInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ terug?: string }> }) {
  const t = await getTranslations("signIn");
  const { terug } = await searchParams;
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <SignInForm action={signInAction} returnTo={safeReturnTo(terug)} />
      <p className="mt-8">
        {t("noAccount")} <Link href={terug ? `/registreren?terug=${encodeURIComponent(safeReturnTo(terug))}` : "/registreren"}>{t("register")}</Link>
      </p>
    </div>
  );
}
