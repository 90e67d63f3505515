import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { actorRoles } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";

export default async function HomePage() {
  const t = await getTranslations("home");
  const tDirectory = await getTranslations("directory");
  const actor = await getActor();
  // Staff do not file; for them the button would lead nowhere.
  const mayFile = !actor || may(actorRoles(actor), "case.file");
  const steps = ["step1", "step2", "step3", "step4", "step5"] as const;
  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-4xl font-bold text-slate-950">{t("title")}</h1>
        <p className="mt-4 max-w-prose text-lg">{t("intro")}</p>
        <div className="mt-6 flex flex-wrap gap-4">
          {mayFile && (
            <Link
              href={actor ? "/melden" : "/inloggen?terug=%2Fmelden"}
              className="rounded bg-teal-800 px-5 py-3 font-semibold text-white no-underline hover:bg-teal-900 hover:text-white"
            >
              {t("fileCta")}
            </Link>
          )}
          {!actor && (
            <Link href="/registreren" className="rounded border-2 border-teal-800 px-5 py-3 font-semibold no-underline">
              {t("registerCta")}
            </Link>
          )}
          <Link href="/gemeenten" className="rounded border-2 border-teal-800 px-5 py-3 font-semibold no-underline">
            {tDirectory("homeLink")}
          </Link>
        </div>
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("howTitle")}</h2>
        <ol className="mt-3 max-w-prose list-decimal space-y-2 pl-6 text-lg">
          {steps.map((s) => (
            <li key={s}>{t(s)}</li>
          ))}
        </ol>
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("whoTitle")}</h2>
        <p className="mt-3 max-w-prose text-lg">{t("who")}</p>
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("staffTitle")}</h2>
        <p className="mt-3 max-w-prose text-lg">{t("staff")}</p>
      </section>
    </div>
  );
}
