import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import type { Actor } from "@/lib/auth/actor";
import { listManagedScopes, listStaff } from "@/lib/server/staff/list-staff";
import {
  changeStaffRoleAction,
  inviteStaffAction,
  removeStaffAction,
  resendStaffInvitationAction,
  revokeStaffInvitationAction,
} from "./staff-actions";
import { ChangeRoleForm, InvitationButton, InviteStaffForm, RemoveStaffForm } from "./staff-forms";

type Props = {
  actor: Actor;
  kind: "gemeente" | "region";
  page: "/beheer/medewerkers" | "/beheer/expertteam";
  search: { scope?: string; lid?: string; weggehaald?: string };
};

/**
 * The staff management of one gemeente (for its admins) or one expert team (for its
 * coordinators): members, open invitations, and one member's panel to change or remove.
 * Whoever manages none gets "not found"; a scope in the address that is not one of the
 * actor's own is ignored for their first one.
 */
export async function StaffManagementPage({ actor, kind, page, search }: Props) {
  const scopes = await listManagedScopes(actor, kind);
  if (scopes.length === 0) notFound();
  const current = scopes.find((s) => s.id === search.scope) ?? scopes[0]!;
  const staff = await listStaff(actor, { kind, id: current.id });
  const t = await getTranslations("staffadmin");
  const tRole = await getTranslations("role");
  const format = await getFormatter();
  const here = (params: Record<string, string>) => `${page}?${new URLSearchParams({ ...(scopes.length > 1 ? { scope: current.id } : {}), ...params })}`;
  const selected = staff.members.find((m) => m.membershipId === search.lid);
  const removed = search.weggehaald !== undefined && /^\d+$/.test(search.weggehaald) ? Number(search.weggehaald) : null;

  return (
    <div className="space-y-10">
      <PageHeader title={kind === "gemeente" ? t("staffTitle") : t("teamTitle")} intro={kind === "gemeente" ? t("staffIntro") : t("teamIntro")} />
      {scopes.length > 1 && (
        <nav aria-label={t("scopeChoice")}>
          <p className="font-semibold">{t("scopeChoice")}</p>
          <ul className="mt-1 flex flex-wrap gap-4">
            {scopes.map((s) => (
              <li key={s.id}>
                <Link href={`${page}?scope=${s.id}`} aria-current={s.id === current.id ? "page" : undefined}>
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {removed !== null && (
        <p role="status" className="rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold">
          {t("removed", { count: removed })}
        </p>
      )}

      {selected && (
        <section aria-labelledby="member-title" className="space-y-6 rounded border-l-8 border-teal-800 bg-white p-5">
          <h2 id="member-title" className="text-2xl font-bold">
            {t("memberTitle", { name: selected.name })}
          </h2>
          <p>{t("memberFacts", { name: selected.name, role: tRole(selected.role).toLowerCase(), scope: staff.name })}</p>
          {selected.role === "AANSPREEKPUNT" && <p>{t("memberCases", { count: selected.openCases })}</p>}
          {selected.organisation && <p>{t("professionalOf", { organisation: selected.organisation, name: selected.name })}</p>}
          {/* A professional does not become staff (decision 040): only removing applies. */}
          {selected.role !== "PROFESSIONAL" && (
            <div>
              <h3 className="text-xl font-bold">{t("changeRoleTitle")}</h3>
              <p className="mb-3 max-w-prose">{t("changeRoleIntro")}</p>
              <ChangeRoleForm
                action={changeStaffRoleAction}
                page={page}
                membershipId={selected.membershipId}
                roles={staff.roles.filter((r) => r !== selected.role).map((r) => ({ value: r, label: tRole(r) }))}
              />
            </div>
          )}
          <div>
            <h3 className="text-xl font-bold">{t("removeTitle")}</h3>
            <p className="mb-3 max-w-prose">{selected.role === "PROFESSIONAL" ? t("removeIntroProfessional") : t("removeIntro", { scope: staff.name })}</p>
            <RemoveStaffForm
              action={removeStaffAction}
              page={page}
              membershipId={selected.membershipId}
              hasCases={selected.role === "AANSPREEKPUNT" && selected.openCases > 0}
              colleagues={staff.colleagues.filter((c) => c.userId !== selected.userId).map((c) => ({ value: c.userId, label: c.name }))}
              confirmText={t("confirmRemove", { name: selected.name, role: tRole(selected.role).toLowerCase() })}
            />
          </div>
          <p>
            <Link href={here({})}>{t("backToList")}</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-2xl font-bold">
          {t("membersTitle", { name: staff.name })}
        </h2>
        {staff.members.length === 0 ? (
          <p>{t("noMembers")}</p>
        ) : (
          <Table
            caption={t("membersCaption", { name: staff.name })}
            columns={[t("colName"), t("colEmail"), t("colRole"), ...(kind === "gemeente" ? [t("colOpenCases")] : []), t("colActions")]}
          >
            <tbody>
              {staff.members.map((m) => (
                <tr key={m.membershipId} className="border-b border-slate-300">
                  <td className="p-2">
                    {m.name} {m.userId === actor.userId && t("you")}
                  </td>
                  <td className="p-2">{m.email}</td>
                  <td className="p-2">{m.organisation ? t("roleOf", { role: tRole(m.role), organisation: m.organisation }) : tRole(m.role)}</td>
                  {kind === "gemeente" && <td className="p-2">{m.role === "AANSPREEKPUNT" ? m.openCases : ""}</td>}
                  <td className="p-2">
                    <Link href={`${here({ lid: m.membershipId })}#member-title`} aria-label={t("manageLabel", { name: `${m.name} (${tRole(m.role)})` })}>
                      {t("manage")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="invitations" className="space-y-3">
        <h2 id="invitations" className="text-2xl font-bold">
          {t("invitationsTitle")}
        </h2>
        {staff.invitations.length === 0 ? (
          <p>{t("noInvitations")}</p>
        ) : (
          <Table caption={t("invitationsCaption", { name: staff.name })} columns={[t("colName"), t("colEmail"), t("colRole"), t("colState"), t("colActions")]}>
            <tbody>
              {staff.invitations.map((i) => (
                <tr key={i.id} className="border-b border-slate-300 align-top">
                  <td className="p-2">{i.name}</td>
                  <td className="p-2">{i.email}</td>
                  <td className="p-2">{i.organisation ? t("roleOf", { role: tRole(i.role), organisation: i.organisation }) : tRole(i.role)}</td>
                  <td className="p-2">{t(`state.${i.state}`, { date: format.dateTime(i.expiresAt, { dateStyle: "long" }) })}</td>
                  <td className="space-x-2 space-y-2 p-2">
                    {i.resendable && (
                      <InvitationButton
                        action={resendStaffInvitationAction}
                        page={page}
                        invitationId={i.id}
                        label={t("resendLabel", { email: i.email })}
                        text={t("resend")}
                        done={t("resent")}
                      />
                    )}
                    {i.state === "open" && (
                      <InvitationButton
                        action={revokeStaffInvitationAction}
                        page={page}
                        invitationId={i.id}
                        label={t("revokeLabel", { email: i.email })}
                        text={t("revoke")}
                        done={t("revoked")}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="invite" className="space-y-3">
        <h2 id="invite" className="text-2xl font-bold">
          {t("inviteTitle")}
        </h2>
        <p className="max-w-prose">{t("inviteIntro")}</p>
        <InviteStaffForm
          action={inviteStaffAction}
          page={page}
          scope={{ kind, id: current.id }}
          roles={staff.roles.map((r) => ({ value: r, label: tRole(r), hint: t(`roleHint.${r}`) }))}
        />
      </section>
    </div>
  );
}
