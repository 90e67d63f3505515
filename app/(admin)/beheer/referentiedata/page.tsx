import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { listReferenceUpdates } from "@/lib/server/reference/list-reference-updates";
import { applyReferenceAction, previewReferenceAction } from "./actions";
import { ReferenceForm } from "./reference-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reference"))("metaTitle") };
}

/** The coming 1 January, when CBS's new list takes effect. */
function nextFirstOfJanuary(now = new Date()): string {
  return `${now.getUTCFullYear() + 1}-01-01`;
}

export default async function ReferenceDataPage() {
  const actor = await requireActor("/beheer/referentiedata");
  if (!may(actorRoles(actor), "platform.updateReference")) notFound();
  const t = await getTranslations("reference");
  const tAdmin = await getTranslations("admin");
  const format = await getFormatter();
  const updates = await listReferenceUpdates(actor);

  return (
    <div className="space-y-10">
      <div>
        <p className="mb-4">
          <Link href="/beheer">{tAdmin("title")}</Link>
        </p>
        <PageHeader title={t("title")} intro={t("intro")} />
      </div>
      <section aria-labelledby="format" className="max-w-prose space-y-2">
        <h2 id="format" className="text-2xl font-bold">
          {t("formatTitle")}
        </h2>
        <p>{t("formatText")}</p>
        <p>{t("formatMerger")}</p>
      </section>
      <ReferenceForm defaultValidFrom={nextFirstOfJanuary()} preview={previewReferenceAction} apply={applyReferenceAction} />
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-2xl font-bold">
          {t("historyTitle")}
        </h2>
        {updates.length === 0 ? (
          <p>{t("historyEmpty")}</p>
        ) : (
          <Table caption={t("historyCaption")} columns={[t("colFile"), t("colValidFrom"), t("colAppliedAt"), t("colAppliedBy"), t("colChanges")]}>
            <tbody>
              {updates.map((u) => (
                <tr key={u.id} className="border-b border-slate-300">
                  <td className="p-2 align-top break-all">{u.fileName}</td>
                  <td className="p-2 align-top whitespace-nowrap">{u.validFrom}</td>
                  <td className="p-2 align-top whitespace-nowrap">{format.dateTime(u.appliedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="p-2 align-top">{u.appliedBy ?? t("byScript")}</td>
                  <td className="p-2 align-top">{t("historyChanges", u.counts)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
