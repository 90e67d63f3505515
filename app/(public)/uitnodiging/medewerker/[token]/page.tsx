import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { getActor } from "@/lib/auth/session";
import { staffInvitationPath } from "@/lib/domain/invitations";
import { readStaffInvitation } from "@/lib/server/staff/read-invitation";
import { acceptStaffInvitationAction, createStaffAccountAction } from "./actions";
import { AcceptStaffInvitationForm, CreateStaffAccountForm } from "./forms";

type Params = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it to another site as a referrer.
  return { title: (await getTranslations("staffadmin.accept"))("metaTitle"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * Where a staff invitation link lands. The holder of the link learns which role where,
 * and, when it no longer works, why: expired, withdrawn or used, each said plainly.
 */
export default async function StaffInvitationPage({ params }: Params) {
  const { token } = await params;
  const actor = await getActor();
  const view = await readStaffInvitation(token, actor ? { userId: actor.userId, email: actor.email } : null);
  if (view.kind === "unknown") notFound();
  const t = await getTranslations("staffadmin.accept");

  if (view.kind !== "open") {
    const used = view.kind === "used" && view.byViewer;
    return (
      <div className="max-w-prose">
        <PageHeader title={t(`${view.kind}Title`)} intro={used ? t("usedByYou") : t(`${view.kind}Body`)} />
        {used ? (
          <p>
            <Link href="/start">{t("toStart")}</Link>
          </p>
        ) : (
          <>
            <p className="text-lg">{t("askAdmin")}</p>
            <p className="mt-6">
              <Link href="/">{t("home")}</Link>
            </p>
          </>
        )}
      </div>
    );
  }

  const tRole = await getTranslations("role");
  const format = await getFormatter();
  const back = encodeURIComponent(staffInvitationPath(token));
  // A professional of an organisation in the directory (decision 040) is no staff: no authenticator app, own cases only.
  const professional = view.role === "PROFESSIONAL";
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={professional ? t("titleProfessional") : t("title")}
        intro={
          professional
            ? t("introProfessional", { organisation: view.organisation ?? view.where })
            : t("intro", { role: tRole(view.role).toLowerCase(), where: view.where })
        }
      />
      <p className="text-lg">{t("validUntil", { date: format.dateTime(view.expiresAt, { dateStyle: "long" }) })}</p>
      <section aria-labelledby="next-step" className="mt-8 rounded border-l-8 border-teal-800 bg-white p-5 [overflow-wrap:anywhere]">
        {actor ? (
          view.forSignedInAccount ? (
            <>
              <h2 id="next-step" className="text-2xl font-bold">{t("acceptTitle")}</h2>
              <p className="mt-2 text-lg">{professional ? t("acceptIntroProfessional") : t("acceptIntro")}</p>
              <AcceptStaffInvitationForm action={acceptStaffInvitationAction} token={token} />
            </>
          ) : (
            <>
              <h2 id="next-step" className="text-2xl font-bold">{t("acceptTitle")}</h2>
              <p className="mt-2 text-lg">{t("otherAccount", { email: view.email })}</p>
            </>
          )
        ) : view.accountExists ? (
          <>
            <h2 id="next-step" className="text-2xl font-bold">{t("signInTitle")}</h2>
            <p className="mt-2 text-lg">{t("signInIntro", { email: view.email })}</p>
            <p className="mt-4 text-lg font-semibold">
              <Link href={`/inloggen?terug=${back}`}>{t("signIn")}</Link>
            </p>
          </>
        ) : (
          <>
            <h2 id="next-step" className="text-2xl font-bold">{t("newTitle")}</h2>
            <p className="mt-2 text-lg">{professional ? t("newIntroProfessional") : t("newIntro")}</p>
            <p className="mt-2 text-lg">{t("emailIs", { email: view.email })}</p>
            <CreateStaffAccountForm action={createStaffAccountAction} token={token} name={view.name} />
          </>
        )}
      </section>
    </div>
  );
}
