import { getFormatter, getTranslations } from "next-intl/server";
import { Table } from "@/components/table";
import type { StepDurations } from "@/lib/domain/monitoring";

type Evaluation = {
  blockers: string[];
  blockedNote: string | null;
  breakthroughNote: string;
  stepDurations: unknown;
  createdAt: Date;
};

/** What was learned when the case closed: what blocked, what broke through, and the working days of each step. Staff only. */
export async function CaseEvaluation({ evaluation, createdBy }: { evaluation: Evaluation; createdBy: string }) {
  const t = await getTranslations("monitoring");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const durations = evaluation.stepDurations as StepDurations;
  return (
    <section aria-labelledby="evaluation" className="space-y-3">
      <h2 id="evaluation" className="text-2xl font-bold">{t("evaluation.title")}</h2>
      <div className="rounded border border-slate-300 bg-white p-4">
        <p className="text-sm text-slate-700">{t("evaluation.meta", { name: createdBy, date: format.dateTime(evaluation.createdAt, { dateStyle: "long" }) })}</p>
        <h3 className="mt-3 font-bold">{t("close.blockers")}</h3>
        <ul className="mt-1 list-disc pl-6">
          {evaluation.blockers.map((b) => (
            <li key={b}>{t.has(`blocker.${b}`) ? t(`blocker.${b}`) : b}</li>
          ))}
        </ul>
        {evaluation.blockedNote && <p className="mt-2 whitespace-pre-line">{evaluation.blockedNote}</p>}
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
