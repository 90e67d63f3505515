import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AssignmentStatusBadge } from "@/components/assignments-table";
import { PageHeader } from "@/components/page-header";
import { requestMeta } from "@/lib/auth/session";
import { assignmentLinkPath, mayReport, organisationReportKinds } from "@/lib/domain/assignment-links";
import { amsterdamDay } from "@/lib/domain/access-log";
import { shownAssignmentStatus } from "@/lib/domain/monitoring";
import { openAssignmentLink } from "@/lib/server/assignment-links/use-link";
import { NotFoundError } from "@/lib/server/errors";
import { reportThroughLinkAction } from "./actions";
import { ReportForm } from "./forms";

type Params = { params: Promise<{ token: string }>; searchParams: Promise<{ gemeld?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: never hand it to another site as a referrer.
  return { title: (await getTranslations("organisationTask"))("pageTitle"), referrer: "no-referrer", robots: { index: false } };
}

async function open(token: string) {
  try {
    return await openAssignmentLink(token, await requestMeta());
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * Where an organisation's link lands (decision 037): its own task of the
 * decision, the letter about it, and three reports it can make without an
 * account. Nothing else of the case is on the page.
 */
export default async function OrganisationTaskPage({ params, searchParams }: Params) {
  const { token } = await params;
  const { gemeld } = await searchParams;
  const reported = organisationReportKinds.find((kind) => kind === gemeld);
  const view = await open(token);
  const t = await getTranslations("organisationTask");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });

  if (view.state !== "open") {
    return (
      <div className="max-w-3xl">
        <PageHeader title={t("closed.title")} />
        <div className="space-y-3 text-lg">
          <p>{t(`closed.${view.state}`)}</p>
          <p>{t("closed.ask")}</p>
        </div>
      </div>
    );
  }

  const now = new Date();
  const a = view.assignment;
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title", { organisation: view.organisation })} intro={t("intro", { gemeente: view.gemeente.name })} />
      {reported && (
        <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 text-lg font-semibold">
          {t(`thanks.${reported}`)}
        </p>
      )}
      <p className="text-lg">{t("privacy")}</p>

      <section aria-labelledby="task-title" className="mt-6 rounded border-l-8 border-teal-800 bg-white p-5">
        <h2 id="task-title" className="text-2xl font-bold">
          {t("taskTitle")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("child")}</dt>
          <dd>{view.childName}</dd>
          <dt className="font-semibold">{t("caseNumber")}</dt>
          <dd>{view.caseNumber}</dd>
          <dt className="font-semibold">{t("decidedAt")}</dt>
          <dd>{format.dateTime(view.decidedAt, { dateStyle: "long" })}</dd>
          <dt className="font-semibold">{t("what")}</dt>
          <dd className="whitespace-pre-line break-words">{a.description}</dd>
          <dt className="font-semibold">{t("due")}</dt>
          <dd>{day(a.dueOn)}</dd>
          <dt className="font-semibold">{t("payer")}</dt>
          <dd className="break-words">{a.payer}</dd>
          <dt className="font-semibold">{t("status")}</dt>
          <dd>
            <AssignmentStatusBadge status={shownAssignmentStatus(a, now)} />
          </dd>
          <dt className="font-semibold">{t("legalBasis")}</dt>
          <dd className="break-words">{view.legalBasis}</dd>
        </dl>
        <p className="mt-4 font-semibold">
          <a href={`${assignmentLinkPath(token)}/brief`}>{t("letter")}</a>
        </p>
        <p className="mt-1 text-sm">{t("letterHint")}</p>
      </section>

      {a.receivedAt && <p className="mt-6 text-lg">{t("receivedOn", { date: format.dateTime(a.receivedAt, { dateStyle: "long" }) })}</p>}
      {(a.status !== "OPEN" || view.caseClosed) && <p className="mt-6 text-lg font-semibold">{t("settled")}</p>}
      {organisationReportKinds
        .filter((kind) => mayReport(kind, a, view.caseClosed))
        .map((kind) => (
          <ReportForm key={kind} token={token} kind={kind} today={amsterdamDay(now)} action={reportThroughLinkAction} />
        ))}

      <section aria-labelledby="reports-title" className="mt-8">
        <h2 id="reports-title" className="text-xl font-bold">
          {t("reportsTitle")}
        </h2>
        {view.reports.length === 0 ? (
          <p className="mt-2">{t("noReports")}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {view.reports.map((r) => (
              <li key={r.createdAt.toISOString() + r.kind} className="rounded border border-slate-300 bg-white p-3">
                <p className="font-semibold">
                  {t(`reportKind.${r.kind}`)} · {format.dateTime(r.createdAt, { dateStyle: "long", timeStyle: "short" })}
                  {r.doneOn && ` · ${t("reportDoneOn", { date: day(r.doneOn) })}`}
                </p>
                {r.note && <p className="mt-1 whitespace-pre-line break-words">{r.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="contact-title" className="mt-8">
        <h2 id="contact-title" className="text-xl font-bold">
          {t("contactTitle")}
        </h2>
        <p className="mt-2">{t("contact", { gemeente: view.gemeente.name })}</p>
        {(view.gemeente.email || view.gemeente.phone) && (
          <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {view.gemeente.email && (
              <>
                <dt className="font-semibold">{t("email")}</dt>
                <dd className="break-words">
                  <a href={`mailto:${view.gemeente.email}`}>{view.gemeente.email}</a>
                </dd>
              </>
            )}
            {view.gemeente.phone && (
              <>
                <dt className="font-semibold">{t("phone")}</dt>
                <dd>{view.gemeente.phone}</dd>
              </>
            )}
          </dl>
        )}
        <p className="mt-4 text-sm">{t("validUntil", { date: format.dateTime(view.expiresAt, { dateStyle: "long" }) })}</p>
      </section>
    </div>
  );
}
