"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChoiceField, TextArea, TextField, type FormFeedback } from "@/components/form-fields";
import { caseOutcomes, causes, optionsOf, organisationKinds } from "@/lib/domain/causes";

/** What an evaluation starts from: the latest referral's facts, or the stored evaluation when refining. */
export type EvaluationDefaults = {
  causes?: readonly string[];
  organisationKinds?: readonly string[];
  outcome?: string | null;
  helpStartedOn?: string | null;
  blockedNote?: string | null;
  breakthroughNote?: string;
};

/** The causes and the kinds of organisation, as checkboxes with a short explanation each. Used when referring and closing. */
export function CauseFields({ feedback, defaults = {} }: { feedback: FormFeedback | undefined; defaults?: EvaluationDefaults }) {
  const t = useTranslations("monitoring.close");
  const locale = useLocale();
  return (
    <>
      <ChoiceField
        name="causes"
        multiple
        columns={2}
        label={t("causes")}
        hint={t("causesHint")}
        required
        feedback={feedback}
        initialValues={defaults.causes}
        options={optionsOf(causes, locale)}
      />
      <ChoiceField
        name="organisationKinds"
        multiple
        columns={2}
        label={t("organisationKinds")}
        hint={t("organisationKindsHint")}
        required
        feedback={feedback}
        initialValues={defaults.organisationKinds}
        options={optionsOf(organisationKinds, locale)}
      />
    </>
  );
}

/** The evaluation's fields, the same at closing and when refining later. */
export function EvaluationFields({ feedback, defaults = {}, today }: { feedback: FormFeedback | undefined; defaults?: EvaluationDefaults; today: string }) {
  const t = useTranslations("monitoring.close");
  const locale = useLocale();
  return (
    <>
      <CauseFields feedback={feedback} defaults={defaults} />
      <ChoiceField
        name="outcome"
        label={t("outcome")}
        required
        feedback={feedback}
        initial={defaults.outcome ?? undefined}
        options={optionsOf(caseOutcomes, locale)}
      />
      <TextField
        name="helpStartedOn"
        type="date"
        label={t("helpStartedOn")}
        hint={t("helpStartedOnHint", { today })}
        feedback={feedback}
        initial={defaults.helpStartedOn ?? undefined}
      />
      <TextArea name="blockedNote" label={t("blockedNote")} rows={3} feedback={feedback} initial={defaults.blockedNote ?? undefined} />
      <TextArea
        name="breakthroughNote"
        label={t("breakthroughNote")}
        hint={t("breakthroughHint")}
        required
        rows={3}
        feedback={feedback}
        initial={defaults.breakthroughNote}
      />
    </>
  );
}
