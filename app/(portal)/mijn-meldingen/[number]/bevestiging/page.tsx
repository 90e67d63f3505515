import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { loadFamilyCase } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmation"))("title") };
}

export default async function ConfirmationPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const actor = await requirePermission("case.follow", `/mijn-meldingen/${number}/bevestiging`);
  const found = await loadFamilyCase(actor, number);
  const t = await getTranslations("confirmation");
  const format = await getFormatter();
  const g = found.gemeente;
  const contact = [g.contactName, g.contactEmail, g.contactPhone].filter(Boolean).join(", ");
  return (
    <div className="max-w-prose space-y-6 text-lg">
      <div className="rounded border-l-8 border-teal-800 bg-white p-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3">
          {t.rich("number", { number: found.number, strong: (c) => <strong>{c}</strong> })}
        </p>
        <p>{t("keep")}</p>
      </div>
      <section>
        <h2 className="text-2xl font-bold">{t("whoTitle")}</h2>
        <p className="mt-2">{t("who", { gemeente: g.name })}</p>
        {contact && <p>{t("contact", { contact })}</p>}
      </section>
      <section>
        <h2 className="text-2xl font-bold">{t("nextTitle")}</h2>
        {found.deadlineAt && <p className="mt-2">{t("next", { date: format.dateTime(found.deadlineAt, { dateStyle: "full" }) })}</p>}
      </section>
      <p>
        <Link href={`/mijn-meldingen/${found.number}`} className="font-semibold">
          {t("follow")}
        </Link>
      </p>
    </div>
  );
}
