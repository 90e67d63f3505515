"use client";

import { useTranslations } from "next-intl";

/** Shown for unexpected failures: never the error itself, only a reference to find it in the log. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const t = useTranslations("errors");
  return (
    <div role="alert">
      <h1 className="text-3xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-3 text-lg">{t("unexpected")}</p>
      {error.digest && <p className="mt-3 text-sm text-slate-700">Ref: {error.digest}</p>}
    </div>
  );
}
