"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SelectField, valueOf, type FormFeedback } from "@/components/form-fields";

export type GemeenteOption = { value: string; label: string };

/**
 * A select with every gemeente the case may go to, and (once scripts run) a
 * search box that narrows it, as in the filing form. Without scripts the
 * full select works on its own.
 */
export function GemeenteChoice({ name, options, feedback }: { name: string; options: GemeenteOption[]; feedback: FormFeedback | undefined }) {
  const t = useTranslations("triage.transfer");
  const [enhanced, setEnhanced] = useState(false);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(feedback?.values ? valueOf(feedback, name) || null : null);
  useEffect(() => setEnhanced(true), []);
  // The filter narrows the list; the gemeente already chosen always stays in it.
  const needle = query.trim().toLowerCase();
  const shown = enhanced ? options.filter((o) => o.value === chosen || o.label.toLowerCase().includes(needle)) : options;
  const searchId = `${name}-zoeken`;
  return (
    <>
      {enhanced && (
        <div className="mb-3">
          <label htmlFor={searchId} className="block font-semibold">
            {t("search")}
          </label>
          <p id={`${searchId}-hint`} className="text-sm text-slate-700">
            {t("searchHint")}
          </p>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            // Enter narrows the list; it does not send the form.
            onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
            aria-describedby={`${searchId}-hint`}
            className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2"
          />
        </div>
      )}
      <div
        onChange={(e) => {
          const target: EventTarget = e.target;
          if (target instanceof HTMLSelectElement) setChosen(target.value || null);
        }}
      >
        <SelectField
          name={name}
          label={t("gemeente")}
          hint={t("gemeenteHint")}
          required
          feedback={feedback}
          placeholder={t("placeholder")}
          options={shown}
        />
      </div>
    </>
  );
}
