import { useTranslations } from "next-intl";
import type { CaseStatus } from "@/lib/domain/case-machine";
import { procesregieFactsOf, procesregieStep, procesregieSteps, stepProgress } from "@/lib/domain/procesregie";

type CaseFacts = {
  status: CaseStatus;
  referrals: readonly unknown[];
  interventions: readonly unknown[];
  decisions: readonly { assignments: readonly { status: "OPEN" | "DONE" | "ENDED" }[] }[];
};

/**
 * The four steps of the expert team's procesregie, in order, with the one the
 * case is in now marked for screen readers (aria-current) and in words. Shows
 * nothing for a case that never went to the expert team.
 */
export function ProcesregieSteps({ case: c }: { case: CaseFacts }) {
  const t = useTranslations("expertWork.procesregie");
  const current = procesregieStep(procesregieFactsOf(c));
  if (!current) return null;
  return (
    <section aria-labelledby="procesregie" className="space-y-3">
      <h2 id="procesregie" className="text-2xl font-bold">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {procesregieSteps.map((step, i) => {
          const progress = stepProgress(current, step);
          return (
            <li
              key={step}
              aria-current={progress === "current" ? "step" : undefined}
              className={`rounded border-2 bg-white p-4 ${progress === "current" ? "border-teal-800 ring-2 ring-teal-800" : "border-slate-300"}`}
            >
              <p className="font-bold">
                {i + 1}. {t(`steps.${step}.name`)}
                {progress !== "upcoming" && (
                  <span
                    className={`ml-2 inline-block rounded px-2 py-0.5 text-sm font-semibold ${progress === "current" ? "bg-teal-800 text-white" : "bg-slate-200 text-slate-900"}`}
                  >
                    {t(progress)}
                  </span>
                )}
              </p>
              <p className="mt-1 text-sm text-slate-800">{t(`steps.${step}.explanation`)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
