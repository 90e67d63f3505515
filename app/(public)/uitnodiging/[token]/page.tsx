import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { getActor } from "@/lib/auth/session";
import { invitationPath } from "@/lib/domain/invitations";
import { readInvitationByToken } from "@/lib/server/invitations/read-invitation";
import { acceptInvitationAction } from "./actions";
import { AcceptForm } from "./accept-form";

type Params = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it to another site as a referrer.
  return { title: (await getTranslations("invitations.page"))("title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * Where an invitation link lands. Before accepting, the page tells who invited
 * the person and in which role, and nothing about the case.
 */
export default async function InvitationPage({ params }: Params) {
  const { token } = await params;
  const actor = await getActor();
  const invitation = await readInvitationByToken(token, actor ? { userId: actor.userId, email: actor.email } : null);
  if (!invitation) notFound();
  if (invitation.kind === "alreadyAccepted") redirect(`/mijn-meldingen/${invitation.caseNumber}`);

  const t = await getTranslations("invitations");
  const format = await getFormatter();
  const back = encodeURIComponent(invitationPath(token));

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("page.title")}
        intro={invitation.inviterName ? t("page.invitedBy", { name: invitation.inviterName }) : t("page.invitedBySomeone")}
      />
      <div className="space-y-3 text-lg">
        <p>{t("page.asRole", { role: t(`partyRole.${invitation.role}`) })}</p>
        <p>{t("page.what")}</p>
        <p>{t("page.privacy")}</p>
        <p>{t("page.validUntil", { date: format.dateTime(invitation.expiresAt, { dateStyle: "long" }) })}</p>
      </div>

      <section aria-labelledby="accept-title" className="mt-8 rounded border-l-8 border-teal-800 bg-white p-5">
        <h2 id="accept-title" className="text-2xl font-bold">
          {t("page.howTitle")}
        </h2>
        {!actor ? (
          <>
            <p className="mt-2 text-lg">{t("page.signedOut")}</p>
            <ul className="mt-4 flex flex-wrap gap-6 text-lg font-semibold">
              <li>
                <Link href={`/inloggen?terug=${back}`}>{t("page.signIn")}</Link>
              </li>
              <li>
                <Link href={`/registreren?terug=${back}`}>{t("page.register")}</Link>
              </li>
            </ul>
          </>
        ) : invitation.forSignedInAccount ? (
          <>
            <p className="mt-2 text-lg">{t("page.acceptIntro")}</p>
            <AcceptForm token={token} action={acceptInvitationAction} />
          </>
        ) : (
          <p className="mt-2 text-lg">{t("page.otherAccount")}</p>
        )}
      </section>
    </div>
  );
}
