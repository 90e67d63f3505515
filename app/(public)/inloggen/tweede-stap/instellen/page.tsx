import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { safeReturnTo } from "@/lib/auth/return-to";
import { currentSignIn, secondStepPath } from "@/lib/auth/sign-in-state";
import { signOutAction } from "@/app/shell-actions";
import { ConflictError } from "@/lib/server/errors";
import { startEnrolment } from "@/lib/server/sign-in/start-enrolment";
import { confirmEnrolmentAction } from "./actions";
import { EnrolForm, type Setup } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor.enrol"))("title") };
}

/**
 * A staff member without the app sets it up here, once, after their password. This page
 * does not send on someone who has it already: it is also drawn right after the app was
 * confirmed (with the session as it was), and then shows the recovery codes.
 */
export default async function EnrolPage({ searchParams }: { searchParams: Promise<{ terug?: string }> }) {
  const returnTo = safeReturnTo((await searchParams).terug);
  const state = await currentSignIn();
  if (state.kind === "signedOut") redirect(`/inloggen?terug=${encodeURIComponent(returnTo)}`);

  let setup: Setup | null = null;
  if (state.kind === "needsSecondFactor" && !state.enrolled) {
    try {
      const enrolment = await startEnrolment({ userId: state.user.id, email: state.user.email, sessionId: state.sessionId });
      setup = { ...enrolment, email: state.user.email };
    } catch (error) {
      // Confirmed at this moment in another tab: there is nothing left to set up.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const t = await getTranslations("secondFactor");
  return (
    <div>
      <PageHeader title={t("enrol.title")} intro={t("enrol.intro")} />
      <EnrolForm
        action={confirmEnrolmentAction}
        returnTo={returnTo}
        setup={setup}
        next={state.kind === "needsSecondFactor" ? secondStepPath(returnTo) : returnTo}
      />
      {setup && (
        <form action={signOutAction} className="mt-8">
          <button type="submit" className="font-semibold underline">
            {t("stop")}
          </button>
        </form>
      )}
    </div>
  );
}
