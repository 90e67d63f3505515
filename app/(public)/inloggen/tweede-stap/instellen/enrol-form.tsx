"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/form-fields";
import type { ActionState } from "@/lib/server/action";
import type { EnrolmentDone } from "./actions";

export type Setup = { secret: string; qrCode: string; email: string };

/**
 * Setting up the app, then the recovery codes. After the code is confirmed the page is
 * drawn again with the session as it was before, so it passes `setup: null`; the codes
 * live in this form's state and are shown until the person goes on.
 */
export function EnrolForm({
  action,
  returnTo,
  setup,
  next,
}: {
  action: (s: ActionState<EnrolmentDone>, f: FormData) => Promise<ActionState<EnrolmentDone>>;
  returnTo: string;
  setup: Setup | null;
  /** Where to go when there is nothing to set up */
  next: string;
}) {
  const t = useTranslations("secondFactor.enrol");
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} next={state.data.next} />;
  if (!setup) {
    return (
      <p>
        {t("already")} <a href={next}>{t("continue")}</a>
      </p>
    );
  }
  const feedback = state?.ok === false ? state : undefined;
  return (
    <section aria-labelledby="enrol-steps">
      <h2 id="enrol-steps" className="mb-4 text-2xl font-bold">
        {t("stepsTitle")}
      </h2>
      <ol className="max-w-prose list-decimal space-y-6 pl-6">
        <li>{t("stepApp")}</li>
        <li>
          <p>{t("stepScan")}</p>
          {/* A data: URL made on the server; next/image adds nothing for it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={setup.qrCode} alt={t("qrAlt")} width={240} height={240} className="my-3 border-2 border-slate-300" />
          <p>{t("secretIntro")}</p>
          <dl className="mt-2">
            <dt className="font-semibold">{t("secretLabel")}</dt>
            <dd>
              <code className="text-lg tracking-wider break-all">{groupsOfFour(setup.secret)}</code>
            </dd>
          </dl>
          <p className="mt-1 text-sm text-slate-700">{t("accountLabel", { email: setup.email })}</p>
        </li>
        <li>
          <p className="mb-3">{t("stepCode")}</p>
          <form action={formAction} noValidate className="max-w-md">
            <FormMessage error={feedback?.error} />
            <input type="hidden" name="terug" value={returnTo} />
            <TextField name="code" autoComplete="one-time-code" label={t("code")} hint={t("codeHint")} required feedback={feedback} />
            <SubmitButton>{t("submit")}</SubmitButton>
          </form>
        </li>
      </ol>
    </section>
  );
}

function groupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const t = useTranslations("secondFactor.recovery");
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone; screen reader and keyboard users continue from the new heading.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-title" className="max-w-prose">
      <h2 id="recovery-title" ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {t("title")}
      </h2>
      <p className="mt-2">{t("intro")}</p>
      <p className="mt-2 font-semibold">{t("keep")}</p>
      <ul aria-label={t("listLabel")} className="my-5 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>
            <code className="text-lg">{code}</code>
          </li>
        ))}
      </ul>
      {/* A full page load, so that every part of the page sees the completed sign-in. */}
      <a
        href={next}
        className="inline-block rounded bg-teal-800 px-5 py-3 font-semibold text-white no-underline hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400"
      >
        {t("continue")}
      </a>
    </section>
  );
}
