import { getLocale, getTranslations } from "next-intl/server";
import { termsIn } from "@/lib/domain/glossary";

/**
 * The words on a family's page that need explaining, each with its short
 * explanation from the one glossary (lib/domain/glossary.ts). Folded, so that
 * it costs no room until someone wants it; absent when no such word is shown.
 */
export async function GlossaryList({ texts }: { texts: readonly (string | null | undefined)[] }) {
  const found = termsIn(texts);
  if (found.length === 0) return null;
  const t = await getTranslations("glossary");
  const language = (await getLocale()) === "en" ? "en" : "nl";
  return (
    <details className="rounded border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">{t("title")}</summary>
      <dl className="mt-3 space-y-3">
        {found.map((entry) => (
          <div key={entry.key}>
            <dt className="font-semibold">{entry[language].term}</dt>
            <dd>{entry[language].explanation}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
