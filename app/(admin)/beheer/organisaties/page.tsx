import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FoldedSection } from "@/components/folded-section";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { notFound } from "next/navigation";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { labelOf, organisationKinds } from "@/lib/domain/causes";
import { listManagedOrganisations, type DirectoryEntry } from "@/lib/server/admin/manage-organisations";
import { invitesProfessionals } from "@/lib/domain/organisations";
import { addOrganisationAction, archiveOrganisationAction, inviteProfessionalAction, setLeerplichtContactAction, updateOrganisationAction } from "./actions";
import { AddOrganisationForm, EditOrganisationForm, InviteProfessionalForm, LeerplichtContactForm } from "./organisation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

/**
 * The directories of organisations that staff pick on a case: the gemeente admin's
 * (schools, samenwerkingsverbanden, leerplicht, providers; decision 034) and the
 * region coordinator's, shared by every gemeente of the region (decision 039).
 */
export default async function OrganisationsPage() {
  const actor = await requireActor("/beheer/organisaties");
  const roles = actorRoles(actor);
  if (!may(roles, "gemeente.manageOrganisations") && !may(roles, "region.manageOrganisations")) notFound();
  const t = await getTranslations("organisations");
  const locale = await getLocale();
  const directories = await listManagedOrganisations(actor);
  const kindOf = (e: DirectoryEntry) => labelOf(organisationKinds, e.kind, locale) + (e.sector ? ` (${e.sector})` : "");
  return (
    <div className="space-y-10">
      <PageHeader title={t("title")} />
      {directories.map(({ owner, entries, leerplichtContactId, leerplichtOptions, region }) => {
        const active = entries.filter((e) => !e.archivedAt);
        const archived = entries.filter((e) => e.archivedAt);
        const invitable = active.filter((e) => invitesProfessionals(e.kind)).map((e) => ({ id: e.id, name: e.name }));
        return (
          <section key={owner.id} aria-labelledby={`dir-${owner.id}`} className="space-y-6">
            <h2 id={`dir-${owner.id}`} className="text-2xl font-bold">
              {owner.kind === "gemeente" ? t("directoryOf", { gemeente: owner.name }) : t("directoryOfRegion", { region: owner.name })}
            </h2>
            <p className="max-w-prose">{owner.kind === "gemeente" ? t("intro") : t("introRegion")}</p>
            {region && <p className="max-w-prose">{t("regionShared", { region: region.name, count: region.active })}</p>}
            {active.length === 0 ? (
              <p>{t("empty")}</p>
            ) : (
              // Two columns, so that the list fits a phone: who and how to reach them, and what kind.
              <Table caption={t("caption", { gemeente: owner.name, count: active.length })} columns={[t("name"), t("kind")]}>
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
            {owner.kind === "gemeente" && (
              <section aria-labelledby={`leerplicht-title-${owner.id}`} className="rounded border border-slate-300 bg-white p-5">
                <h3 id={`leerplicht-title-${owner.id}`} className="mb-3 text-xl font-bold">{t("leerplichtTitle")}</h3>
                <p className="mb-3 max-w-prose">{t("leerplichtIntro")}</p>
                <LeerplichtContactForm gemeenteId={owner.id} current={leerplichtContactId} options={leerplichtOptions} action={setLeerplichtContactAction} />
              </section>
            )}
            <section aria-labelledby={`professionals-${owner.id}`} className="rounded border border-slate-300 bg-white p-5">
              <h3 id={`professionals-${owner.id}`} className="mb-3 text-xl font-bold">{t("professionalsTitle")}</h3>
              <p className="mb-3 max-w-prose">{t("professionalsIntro")}</p>
              <p className="mb-3 max-w-prose">{owner.kind === "gemeente" ? t("professionalsWhereGemeente") : t("professionalsWhereRegion")}</p>
              {invitable.length > 0 ? (
                <InviteProfessionalForm ownerId={owner.id} options={invitable} action={inviteProfessionalAction} />
              ) : (
                <p className="max-w-prose">{t("professionalsNone")}</p>
              )}
            </section>
            <section aria-labelledby={`add-${owner.id}`} className="rounded border border-slate-300 bg-white p-5">
              <h3 id={`add-${owner.id}`} className="mb-3 text-xl font-bold">{t("addTitle")}</h3>
              <AddOrganisationForm owner={owner} action={addOrganisationAction} />
            </section>
            {archived.length > 0 && (
              <FoldedSection id={`archived-${owner.id}`} title={t("archivedTitle")} summary={t("archivedSummary", { count: archived.length })}>
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
