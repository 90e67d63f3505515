import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { registerAction } from "./actions";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterPage() {
  const t = await getTranslations("register");
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <RegisterForm action={registerAction} />
      <p className="mt-8">
        {t("haveAccount")} <Link href="/inloggen">{t("signIn")}</Link>
      </p>
    </div>
  );
}
