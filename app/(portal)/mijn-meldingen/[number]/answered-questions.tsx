import { getFormatter, getTranslations } from "next-intl/server";

type Answered = {
  id: string;
  question: string;
  askedAt: Date;
  askedByRole: string | null;
  answer: string | null;
  answeredAt: Date | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
};

/**
 * The questions that are no longer open, newest first: each with what the
 * family said and when, or that staff took it back and why.
 */
export async function AnsweredQuestions({ questions }: { questions: Answered[] }) {
  if (questions.length === 0) return null;
  const t = await getTranslations("family.questions");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title" className="text-2xl font-bold">{t("title")}</h2>
      <ul className="mt-3 space-y-4">
        {questions.map((q) => (
          <li key={q.id} className="rounded border border-slate-300 bg-white p-4">
            <p className="text-sm font-semibold text-slate-700">
              {q.askedByRole === "EXPERT" ? t("askedOnExpert", { date: day(q.askedAt) }) : t("askedOn", { date: day(q.askedAt) })}
            </p>
            <p className="mt-1 whitespace-pre-line break-words text-lg">{q.question}</p>
            {q.withdrawnAt && (
              <div className="mt-3 border-l-4 border-slate-500 pl-3">
                <p className="text-sm font-semibold text-slate-700">
                  {q.withdrawReason ? t("withdrawnOn", { date: day(q.withdrawnAt) }) : t("lapsedOn", { date: day(q.withdrawnAt) })}
                </p>
                {q.withdrawReason && (
                  <p className="mt-1 whitespace-pre-line break-words">
                    <strong>{t("why")}</strong> {q.withdrawReason}
                  </p>
                )}
              </div>
            )}
            {q.answeredAt && (
              <div className="mt-3 border-l-4 border-teal-800 pl-3">
                <p className="text-sm font-semibold text-slate-700">{t("answeredOn", { date: day(q.answeredAt) })}</p>
                <p className="mt-1 whitespace-pre-line break-words text-lg">{q.answer}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
