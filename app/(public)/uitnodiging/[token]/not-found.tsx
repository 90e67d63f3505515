import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A link that does not work says only that, never why in detail or for which case. */
export default async function InvitationUnavailable() {
  const t = await getTranslations("invitations.unavailable");
  return (
    <div className="max-w-prose">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg">{t("body")}</p>
      <p className="mt-3 text-lg">{t("next")}</p>
      <p className="mt-6">
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
