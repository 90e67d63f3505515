import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { safeReturnTo } from "@/lib/auth/return-to";
import { registerAction } from "./actions";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ terug?: string }> }) {
  const t = await getTranslations("register");
  const { terug } = await searchParams;
  const returnTo = terug ? safeReturnTo(terug, "/melden") : null;
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <RegisterForm action={registerAction} returnTo={returnTo} />
      <p className="mt-8">
        {t("haveAccount")} <Link href={returnTo ? `/inloggen?terug=${encodeURIComponent(returnTo)}` : "/inloggen"}>{t("signIn")}</Link>
      </p>
    </div>
  );
}
