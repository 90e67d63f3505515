import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { requirePermission } from "@/lib/auth/session";
import { isRole } from "@/lib/domain/roles";
import { listOnboarding } from "@/lib/server/onboarding/list-onboarding";
import { activateExpertTeamAction, activateGemeenteAction, resendStaffInvitationAction, revokeStaffInvitationAction } from "../staff-actions";
import { ActivateForm, InvitationButton } from "../staff-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffadmin"))("onboardingTitle") };
}

const page = "/beheer/gemeenten-en-regio";

/**
 * The platform admin switches a gemeente or an expert team on and invites its first
 * admin or coordinator. What is live, and where cases wait, is the coverage view's.
 */
export default async function OnboardingPage() {
  const actor = await requirePermission("platform.onboard", page);
  const { gemeenten, regions, invitations } = await listOnboarding(actor);
  const t = await getTranslations("staffadmin");
  const tRole = await getTranslations("role");
  const format = await getFormatter();

  const gemeenteOptions = gemeenten.map((g) => ({
    value: g.id,
    label: t(g.hasAdmin ? "gemeenteOptionHasAdmin" : g.active ? "gemeenteOptionActive" : "gemeenteOption", { name: g.name, code: g.cbsCode }),
  }));
  const regionOptions = regions.map((r) => ({
    value: r.id,
    label: t(r.hasCoordinator ? "regionOptionHasCoordinator" : r.active ? "regionOptionActive" : "regionOption", { name: r.name }),
  }));

  return (
    <div className="space-y-10">
      <PageHeader title={t("onboardingTitle")} intro={t("onboardingIntro")} />
      <p>
        {t("counts", {
          active: gemeenten.filter((g) => g.active).length,
          total: gemeenten.length,
          teams: regions.filter((r) => r.active).length,
          regions: regions.length,
        })}
      </p>
      <section aria-labelledby="activate-gemeente" className="space-y-3">
        <h2 id="activate-gemeente" className="text-2xl font-bold">
          {t("gemeenteTitle")}
        </h2>
        <ActivateForm action={activateGemeenteAction} kind="gemeente" options={gemeenteOptions} />
      </section>
      <section aria-labelledby="activate-team" className="space-y-3">
        <h2 id="activate-team" className="text-2xl font-bold">
          {t("regionTitle")}
        </h2>
        <ActivateForm action={activateExpertTeamAction} kind="region" options={regionOptions} />
      </section>
      <section aria-labelledby="first-invitations" className="space-y-3">
        <h2 id="first-invitations" className="text-2xl font-bold">
          {t("firstInvitationsTitle")}
        </h2>
        {invitations.length === 0 ? (
          <p>{t("noInvitations")}</p>
        ) : (
          <Table caption={t("firstInvitationsCaption")} columns={[t("colWhere"), t("colName"), t("colEmail"), t("colRole"), t("colState"), t("colActions")]}>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} className="border-b border-slate-300 align-top">
                  <td className="p-2">{i.where}</td>
                  <td className="p-2">{i.name}</td>
                  <td className="p-2">{i.email}</td>
                  <td className="p-2">{isRole(i.role) ? tRole(i.role) : ""}</td>
                  <td className="p-2">{i.state === "accepted" ? "" : t(`state.${i.state}`, { date: format.dateTime(i.expiresAt, { dateStyle: "long" }) })}</td>
                  <td className="space-x-2 space-y-2 p-2">
                    <InvitationButton action={resendStaffInvitationAction} page={page} invitationId={i.id} label={t("resendLabel", { email: i.email })} text={t("resend")} done={t("resent")} />
                    {i.state === "open" && (
                      <InvitationButton action={revokeStaffInvitationAction} page={page} invitationId={i.id} label={t("revokeLabel", { email: i.email })} text={t("revoke")} done={t("revoked")} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
