import { useFormatter, useTranslations } from "next-intl";

/** An intervention as the family may see it: there is no internal note here, by design. */
export type FamilyIntervention = {
  id: string;
  type: string;
  occurredOn: Date;
  participants: string;
  familyInvolved: boolean;
  childInvolved: boolean;
  involvementNote: string | null;
  outcome: string;
  nextStep: string | null;
};

/** What the expert team did, in plain words: what, when, with whom, whether the family took part, and what came of it. */
export function Interventions({ interventions, childName }: { interventions: FamilyIntervention[]; childName: string }) {
  const t = useTranslations("expertWork.family");
  const tType = useTranslations("interventionType");
  const format = useFormatter();
  if (interventions.length === 0) return null;
  return (
    <section aria-labelledby="interventions-title">
      <h2 id="interventions-title" className="text-2xl font-bold">{t("title")}</h2>
      <p className="mt-2">{t("intro")}</p>
      <ol className="mt-4 space-y-4">
        {interventions.map((i) => (
          <li key={i.id} className="rounded border border-slate-300 bg-white p-5">
            <h3 className="text-xl font-bold">
              {t("heading", {
                type: tType.has(i.type) ? tType(i.type) : i.type,
                date: format.dateTime(i.occurredOn, { dateStyle: "long", timeZone: "UTC" }),
              })}
            </h3>
            <p className="mt-2 break-words">
              <strong>{t("participants")}</strong> {i.participants}
            </p>
            <p className="mt-1">{i.familyInvolved ? t("parentYes") : t("parentNo")}</p>
            <p className="mt-1">{i.childInvolved ? t("childYes", { child: childName }) : t("childNo", { child: childName })}</p>
            {i.involvementNote && (
              <p className="mt-1 whitespace-pre-line break-words">
                <strong>{t("involvement")}</strong> {i.involvementNote}
              </p>
            )}
            <p className="mt-2 whitespace-pre-line break-words">
              <strong>{t("outcome")}</strong> {i.outcome}
            </p>
            {i.nextStep && (
              <p className="mt-1 whitespace-pre-line break-words">
                <strong>{t("nextStep")}</strong> {i.nextStep}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
