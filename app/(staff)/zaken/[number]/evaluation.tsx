import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/table";
import { caseOutcomes, causes, labelOf, organisationKinds } from "@/lib/domain/causes";
import type { StepDurations } from "@/lib/domain/monitoring";

type Evaluation = {
  blockers: string[];
  organisationKinds: string[];
  outcome: string | null;
  helpStartedOn: Date | null;
  helpStartSource: "STAFF" | "FAMILY_CONFIRMED" | "FAMILY_CORRECTED" | null;
  helpStartConfirmedAt: Date | null;
  blockedNote: string | null;
  breakthroughNote: string;
  stepDurations: unknown;
  createdAt: Date;
  updatedAt: Date | null;
};

/**
 * What was learned when the case closed: the causes, the organisations involved, how it
 * was solved, the day the help started (and whether the family confirmed it), what broke
 * through, and the working days of each step. Staff only.
 */
export async function CaseEvaluation({ evaluation, createdBy, updatedBy }: { evaluation: Evaluation; createdBy: string; updatedBy: string | null }) {
  const t = await getTranslations("monitoring");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const locale = await getLocale();
  const durations = evaluation.stepDurations as StepDurations;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <section aria-labelledby="evaluation" className="space-y-3">
      <h2 id="evaluation" className="text-2xl font-bold">{t("evaluation.title")}</h2>
      <div className="rounded border border-slate-300 bg-white p-4">
        <p className="text-sm text-slate-700">{t("evaluation.meta", { name: createdBy, date: moment(evaluation.createdAt) })}</p>
        {evaluation.updatedAt && (
          <p className="text-sm text-slate-700">{t("evaluation.updated", { name: updatedBy ?? t("card.unknown"), date: moment(evaluation.updatedAt) })}</p>
        )}
        <h3 className="mt-3 font-bold">{t("close.causes")}</h3>
        <ul className="mt-1 list-disc pl-6">
          {evaluation.blockers.map((b) => (
            <li key={b}>{labelOf(causes, b, locale)}</li>
          ))}
        </ul>
        {evaluation.organisationKinds.length > 0 && (
          <>
            <h3 className="mt-3 font-bold">{t("close.organisationKinds")}</h3>
            <ul className="mt-1 list-disc pl-6">
              {evaluation.organisationKinds.map((k) => (
                <li key={k}>{labelOf(organisationKinds, k, locale)}</li>
              ))}
            </ul>
          </>
        )}
        <h3 className="mt-3 font-bold">{t("close.outcome")}</h3>
        <p className="mt-1">{evaluation.outcome ? labelOf(caseOutcomes, evaluation.outcome, locale) : t("evaluation.notRecorded")}</p>
        <h3 className="mt-3 font-bold">{t("close.helpStartedOn")}</h3>
        <p className="mt-1">
          {evaluation.helpStartedOn ? day(evaluation.helpStartedOn) : t("evaluation.notRecorded")}
          {evaluation.helpStartedOn && evaluation.helpStartSource && (
            <>
              {" "}
              <span className="font-semibold">
                {t(`evaluation.helpStart.${evaluation.helpStartSource}`, {
                  date: evaluation.helpStartConfirmedAt ? moment(evaluation.helpStartConfirmedAt) : "",
                })}
              </span>
            </>
          )}
        </p>
        {evaluation.blockedNote && (
          <>
            <h3 className="mt-3 font-bold">{t("close.blockedNote")}</h3>
            <p className="mt-1 whitespace-pre-line">{evaluation.blockedNote}</p>
          </>
        )}
        <h3 className="mt-3 font-bold">{t("close.breakthroughNote")}</h3>
        <p className="mt-1 whitespace-pre-line">{evaluation.breakthroughNote}</p>
        <h3 className="mt-3 font-bold">{t("evaluation.durationsTitle")}</h3>
        <Table caption={t("evaluation.durationsTitle")} columns={[t("evaluation.colStep"), t("evaluation.colDays")]} className="mt-1 w-full border-collapse bg-white text-left sm:w-auto">
          <tbody>
            {durations.steps.map((s) => (
              <tr key={s.status} className="border-b border-slate-200">
                <td className="p-2">{tStatus(s.status)}</td>
                <td className="p-2 text-right tabular-nums">{s.workingDays}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-bold">
              <th scope="row" className="p-2 text-left">{t("evaluation.total")}</th>
              <td className="p-2 text-right tabular-nums">{durations.total}</td>
            </tr>
          </tfoot>
        </Table>
      </div>
    </section>
  );
}
