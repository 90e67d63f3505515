import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FoldedSection } from "@/components/folded-section";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { requirePermission } from "@/lib/auth/session";
import { labelOf, organisationKinds } from "@/lib/domain/causes";
import { listManagedOrganisations, type DirectoryEntry } from "@/lib/server/admin/manage-organisations";
import { addOrganisationAction, archiveOrganisationAction, setLeerplichtContactAction, updateOrganisationAction } from "./actions";
import { AddOrganisationForm, EditOrganisationForm, LeerplichtContactForm } from "./organisation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

/**
 * The gemeente admin's directory of organisations: schools, samenwerkingsverbanden,
 * leerplicht and providers that staff pick on a case (decision 034).
 */
export default async function OrganisationsPage() {
  const actor = await requirePermission("gemeente.manageOrganisations", "/beheer/organisaties");
  const t = await getTranslations("organisations");
  const locale = await getLocale();
  const directories = await listManagedOrganisations(actor);
  const kindOf = (e: DirectoryEntry) => labelOf(organisationKinds, e.kind, locale) + (e.sector ? ` (${e.sector})` : "");
  return (
    <div className="space-y-10">
      <PageHeader title={t("title")} />
      <p className="max-w-prose">{t("intro")}</p>
      {directories.map(({ gemeente, entries }) => {
        const active = entries.filter((e) => !e.archivedAt);
        const archived = entries.filter((e) => e.archivedAt);
        return (
          <section key={gemeente.id} aria-labelledby={`dir-${gemeente.id}`} className="space-y-6">
            <h2 id={`dir-${gemeente.id}`} className="text-2xl font-bold">{t("directoryOf", { gemeente: gemeente.name })}</h2>
            {active.length === 0 ? (
              <p>{t("empty")}</p>
            ) : (
              // Two columns, so that the list fits a phone: who and how to reach them, and what kind.
              <Table caption={t("caption", { gemeente: gemeente.name, count: active.length })} columns={[t("name"), t("kind")]}>
                <tbody>
                  {active.map((e) => (
                    <tr key={e.id} className="border-b border-slate-300 align-top">
                      <td className="p-2 [overflow-wrap:anywhere]">
                        <span className="block font-semibold">{e.name}</span>
                        {e.address && <span className="block whitespace-pre-line text-slate-700">{e.address}</span>}
                        {e.contactName && <span className="block">{t("contactLine", { name: e.contactName })}</span>}
                        {e.email && <span className="block">{e.email}</span>}
                        {e.phone && <span className="block">{e.phone}</span>}
                      </td>
                      <td className="p-2 [overflow-wrap:anywhere]">{kindOf(e)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {active.length > 0 && (
              <div className="space-y-3">
                <h3 className="text-xl font-bold">{t("editTitle")}</h3>
                <ul className="space-y-3">
                  {active.map((e) => (
                    <li key={e.id} className="rounded border border-slate-300 bg-white p-4">
                      <EditOrganisationForm entry={e} action={updateOrganisationAction} archiveAction={archiveOrganisationAction} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <section aria-labelledby={`leerplicht-title-${gemeente.id}`} className="rounded border border-slate-300 bg-white p-5">
              <h3 id={`leerplicht-title-${gemeente.id}`} className="mb-3 text-xl font-bold">{t("leerplichtTitle")}</h3>
              <p className="mb-3 max-w-prose">{t("leerplichtIntro")}</p>
              <LeerplichtContactForm
                gemeenteId={gemeente.id}
                current={gemeente.leerplichtContactId}
                options={active.filter((e) => e.kind === "LEERPLICHT_RMC" && e.email).map((e) => ({ id: e.id, name: e.name }))}
                action={setLeerplichtContactAction}
              />
            </section>
            <section aria-labelledby={`add-${gemeente.id}`} className="rounded border border-slate-300 bg-white p-5">
              <h3 id={`add-${gemeente.id}`} className="mb-3 text-xl font-bold">{t("addTitle")}</h3>
              <AddOrganisationForm gemeenteId={gemeente.id} action={addOrganisationAction} />
            </section>
            {archived.length > 0 && (
              <FoldedSection id={`archived-${gemeente.id}`} title={t("archivedTitle")} summary={t("archivedSummary", { count: archived.length })}>
                <ul className="mt-2 list-disc pl-6">
                  {archived.map((e) => (
                    <li key={e.id}>
                      {e.name}, {kindOf(e)}
                    </li>
                  ))}
                </ul>
              </FoldedSection>
            )}
          </section>
        );
      })}
    </div>
  );
}
