import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { readSignUpLink } from "@/lib/server/users/register-family";
import { completeSignUpAction } from "./actions";
import { FinishSignUpForm } from "./finish-form";

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it to another site as a referrer.
  return { title: (await getTranslations("register"))("finishTitle"), referrer: "no-referrer", robots: { index: false } };
}

/** Where the link in the sign-up mail lands. */
export default async function FinishSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("register");
  const link = await readSignUpLink(token);
  if (link.kind !== "open") {
    return (
      <div className="max-w-prose">
        <PageHeader title={t("linkUnusableTitle")} intro={t("linkUnusableBody")} />
        <p className="text-lg">
          <Link href="/inloggen">{t("signIn")}</Link>
        </p>
        <p className="mt-4 text-lg">
          <Link href="/registreren">{t("newLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <PageHeader title={t("finishTitle")} intro={t("finishIntro")} />
      <p className="mb-6 text-lg [overflow-wrap:anywhere]">{t("emailIs", { email: link.email })}</p>
      <FinishSignUpForm action={completeSignUpAction} token={token} />
    </div>
  );
}
