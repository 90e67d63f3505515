import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { listManagedGemeenten, listRegions } from "@/lib/server/admin/manage-gemeente";
import { updateContactAction } from "./actions";
import { ContactForm } from "./contact-form";
import { updateNormsAction } from "./norms-actions";
import { NormsForm } from "./norms-form";
import { listManagedNorms } from "@/lib/server/admin/manage-norms";
import { listManagedPolicies } from "@/lib/server/admin/manage-policy";
import { updatePolicyAction } from "./policy-actions";
import { PolicyForm } from "./policy-form";
import { Table } from "@/components/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const actor = await requireActor("/beheer");
  const roles = actorRoles(actor);
  const managesGemeente = may(roles, "gemeente.manage");
  const managesPlatform = may(roles, "platform.manage");
  const managesStaff = may(roles, "gemeente.manageStaff");
  const managesTeam = may(roles, "region.manageStaff");
  const managesOrganisations = may(roles, "gemeente.manageOrganisations") || may(roles, "region.manageOrganisations");
  const onboards = may(roles, "platform.onboard");
  if (!managesGemeente && !managesPlatform && !managesTeam) notFound();
  const t = await getTranslations("admin");
  const tStaff = await getTranslations("staffadmin");
  const tOrganisations = await getTranslations("organisations");
  const links = [
    ...(managesStaff ? [{ href: "/beheer/medewerkers", text: tStaff("linkStaff"), hint: tStaff("linkStaffHint") }] : []),
    ...(managesOrganisations ? [{ href: "/beheer/organisaties", text: tOrganisations("adminLink"), hint: tOrganisations("adminLinkHint") }] : []),
    ...(managesTeam ? [{ href: "/beheer/expertteam", text: tStaff("linkTeam"), hint: tStaff("linkTeamHint") }] : []),
    ...(onboards ? [{ href: "/beheer/gemeenten-en-regio", text: tStaff("linkOnboarding"), hint: tStaff("linkOnboardingHint") }] : []),
  ];
  const tRole = await getTranslations("role");
  const norms = managesGemeente ? await listManagedNorms(actor) : {};
  const policies = managesGemeente ? await listManagedPolicies(actor) : {};

  return (
    <div className="space-y-12">
      <PageHeader title={t("title")} />
      {links.length > 0 && (
        <nav aria-labelledby="admin-links">
          <h2 id="admin-links" className="text-2xl font-bold">{tStaff("linksTitle")}</h2>
          <ul className="mt-3 space-y-3">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="text-lg font-semibold">{l.text}</Link>
                <p className="text-slate-700">{l.hint}</p>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {managesGemeente &&
        (await listManagedGemeenten(actor)).map((g) => (
          <section key={g.id} aria-labelledby={`g-${g.id}`} className="space-y-6">
            <h2 id={`g-${g.id}`} className="text-2xl font-bold">
              {g.name} ({g.cbsCode})
            </h2>
            <p>{t("gemeenteIntro")}</p>
            <p>{g.region ? t("region", { region: g.region.name }) : t("noRegion")}</p>
            <h3 className="text-xl font-bold">{t("contactTitle")}</h3>
            <p>
              <Link href={`/gemeenten/${g.cbsCode}`}>{t("publicPageLink", { gemeente: g.name })}</Link>
            </p>
            <ContactForm gemeente={g} action={updateContactAction} />
            {norms[g.id] && <NormsForm gemeenteId={g.id} norms={norms[g.id]!} action={updateNormsAction} />}
            {policies[g.id] && <PolicyForm gemeenteId={g.id} policy={policies[g.id]!} action={updatePolicyAction} />}
            <h3 className="text-xl font-bold">{t("staffTitle")}</h3>
            {g.memberships.length === 0 ? (
              <p>{t("noStaff")}</p>
            ) : (
              <Table caption={t("staffCaption", { gemeente: g.name })} columns={[t("colName"), t("colEmail"), t("colRole")]}>
                <tbody>
                  {g.memberships.map((m) => (
                    <tr key={m.id} className="border-b border-slate-300">
                      <td className="p-2">{m.user.name}</td>
                      <td className="p-2">{m.user.email}</td>
                      <td className="p-2">{tRole(m.role)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </section>
        ))}
      {managesPlatform && <PlatformOverview updatesReference={may(roles, "platform.updateReference")} />}
    </div>
  );
}

async function PlatformOverview({ updatesReference }: { updatesReference: boolean }) {
  const t = await getTranslations("admin");
  const { regions, gemeenteCount } = await listRegions();
  return (
    <section aria-labelledby="regions" className="space-y-4">
      <h2 id="regions" className="text-2xl font-bold">{t("regionsTitle")}</h2>
      <p className="max-w-prose">{t("platformIntro", { count: gemeenteCount })}</p>
      <p>
        <Link href="/beheer/dekking" className="font-semibold">{t("coverageLink")}</Link>
      </p>
      <p>
        <Link href="/beheer/cijfers" className="font-semibold">{(await getTranslations("figures.admin"))("link")}</Link>
      </p>
      {updatesReference && (
        <p>
          <Link href="/beheer/referentiedata">{(await getTranslations("reference"))("adminLink")}</Link>
        </p>
      )}
      {regions.length === 0 && <p>{t("noRegions")}</p>}
      {regions.map((r) => (
        <div key={r.id} className="rounded border border-slate-300 bg-white p-4">
          <h3 className="text-xl font-bold">{r.name}</h3>
          {r.expertTeam && <p>{t("expertTeam", { name: r.expertTeam.name })}</p>}
          <p className="mt-2 font-semibold">{t("members")}</p>
          <ul className="mt-1 columns-2 sm:columns-3">
            {r.gemeenten.map((g) => (
              <li key={g.cbsCode}>
                {g.name} ({g.cbsCode})
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
