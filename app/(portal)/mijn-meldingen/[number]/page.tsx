import { CaseOrganisations } from "@/components/case-organisations";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AssignmentsTable } from "@/components/assignments-table";
import { FoldedSection } from "@/components/folded-section";
import { GlossaryList } from "@/components/glossary-list";
import { StatusBadge } from "@/components/status-badge";
import { displayName } from "@/lib/domain/gemeente-name";
import { requirePermission } from "@/lib/auth/session";
import { parseDayCursor } from "@/lib/domain/access-log";
import { readTimelineKind } from "@/lib/domain/timeline";
import type { AccessEntry } from "@/lib/server/cases/access-log";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { AccessLogSection } from "./access-log";
import { answerAction, confirmHelpStartAction, withdrawAction } from "./actions";
import { HelpStartForm } from "./help-start-form";
import { familyAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { AnswerForm } from "./answer-form";
import { AnsweredQuestions } from "./answered-questions";
import { AssignmentReports } from "./assignment-report";
import { Interventions } from "./interventions";
import { InviteSection } from "./invite-section";
import { DocumentsSection } from "./documents-section";
import { loadAccessLog, loadFamilyCase } from "./load";
import { WithdrawForm } from "./withdraw-form";
import { readFallback } from "@/lib/server/coverage/fallback";

type Params = { params: Promise<{ number: string }> };

/** How many of the newest steps the timeline shows before the rest fold away. */
const RECENT_STEPS = 3;

function TimelineList({
  entries,
  describe,
  when,
}: {
  entries: { id: string; kind: string; createdAt: Date }[];
  describe: (kind: string) => string;
  when: (d: Date) => string;
}) {
  return (
    <ol className="mt-4 space-y-4 border-l-4 border-teal-800 pl-5">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p className="text-sm font-semibold text-slate-700">
            <time dateTime={entry.createdAt.toISOString()}>{when(entry.createdAt)}</time>
          </p>
          <p className="text-lg">{describe(entry.kind)}</p>
        </li>
      ))}
    </ol>
  );
}
type PageProps = Params & { searchParams: Promise<{ bekeken?: string | string[] }> };

/** The access log's cursor from the address: a calendar day, or the newest page. */
function accessLogCursor(value: string | string[] | undefined): string | null {
  return parseDayCursor(Array.isArray(value) ? value[0] : value);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await getTranslations("family"))("caseTitle", { number: (await params).number }) };
}

export default async function FamilyCasePage({ params, searchParams }: PageProps) {
  const { number } = await params;
  const actor = await requirePermission("case.follow", `/mijn-meldingen/${number}`);
  const found = await loadFamilyCase(actor, number);
  const accessLogBefore = accessLogCursor((await searchParams).bekeken);
  const accessLog = await loadAccessLog(actor, found.number, accessLogBefore);
  const t = await getTranslations("family");
  const tType = await getTranslations("interventionType");
  const tFiling = await getTranslations("filing");
  const tTriage = await getTranslations("triage.family");
  const tDecisions = await getTranslations("decisions");
  const tExpert = await getTranslations("expertWork");
  const tUrgency = await getTranslations("urgency");
  const format = await getFormatter();
  const now = new Date();
  const assignmentFollowUp = found.decisions.length > 0 ? await familyAssignmentFollowUp(actor, found.id) : new Map();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  // A date column is midnight UTC of its day.
  const helpDay = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const g = found.gemeente;
  const fallback = found.routing === "FALLBACK" ? await readFallback() : null;

  function describeStep(read: NonNullable<AccessEntry["step"]>): string {
    if ("step" in read) return t(`timeline.${read.step}`);
    if (tType.has(read.interventionType)) {
      return t("timeline.intervention", { type: tType(read.interventionType).toLowerCase() });
    }
    return t("timeline.other");
  }

  const moment = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const newestFirst = found.timeline.toReversed();
  const recentSteps = newestFirst.slice(0, RECENT_STEPS);
  const earlierSteps = newestFirst.slice(RECENT_STEPS);

  function describe(kind: string): string {
    const read = readTimelineKind(kind);
    return read ? describeStep(read) : t("timeline.other");
  }

  return (
    <div className="max-w-3xl space-y-10">
      <div>
        <h1 className="text-3xl font-bold">{t("caseTitle", { number: found.number })}</h1>
        <p className="mt-2 text-lg">{t("about", { child: found.childName, gemeente: displayName(g) })}</p>
      </div>

      <section aria-labelledby="status-title" className="rounded border-l-8 border-teal-800 bg-white p-5">
        <h2 id="status-title" className="text-2xl font-bold">{t("statusTitle")}</h2>
        <p className="mt-3 text-lg">
          {t("nowLabel")} <StatusBadge status={found.status} audience="family" />
        </p>
        <p className="mt-2 text-lg">{t(`next.${found.status}`)}</p>
        {found.deadlineAt && <p className="mt-2 text-lg">{t("expected", { date: day(found.deadlineAt) })}</p>}
        {found.status !== "CLOSED" && <p className="mt-2 text-lg">{t("urgencyNow", { urgency: tUrgency(found.urgency) })}</p>}
        {found.result && (
          <p className="mt-2 text-lg">{t(`result.${found.result}`)}</p>
        )}
      </section>

      {/* What is asked of the family comes straight after where the case stands. */}
      {found.actions.includes("case.answer") && found.openQuestion && (
        <AnswerForm
          caseId={found.id}
          caseNumber={found.number}
          question={found.openQuestion.question}
          askedOn={day(found.openQuestion.askedAt)}
          fromExpertTeam={found.openQuestion.askedByRole === "EXPERT"}
          action={answerAction}
        />
      )}

      {found.status === "CLOSED" && found.result !== "WITHDRAWN" && found.closingNote && (
        <section aria-labelledby="closing-title" className="rounded border border-slate-300 bg-white p-5">
          <h2 id="closing-title" className="text-2xl font-bold">
            {found.result === "NOT_ADMISSIBLE" ? tTriage("notAdmissibleTitle") : tTriage("closedTitle")}
          </h2>
          <p className="mt-3 whitespace-pre-line break-words text-lg">{found.closingNote}</p>
        </section>
      )}

      {found.evaluation?.helpStartedOn && (
        found.actions.includes("case.confirmHelpStart") ? (
          <HelpStartForm caseId={found.id} caseNumber={found.number} recordedDay={helpDay(found.evaluation.helpStartedOn)} action={confirmHelpStartAction} />
        ) : (
          <section aria-labelledby="help-start-title" className="rounded border border-slate-300 bg-white p-5">
            <h2 id="help-start-title" className="text-2xl font-bold">{t("helpStart.title")}</h2>
            <p className="mt-3 text-lg">{t("helpStart.recorded", { date: helpDay(found.evaluation.helpStartedOn) })}</p>
          </section>
        )
      )}

      {found.decisions.map((decision) => (
        <section key={decision.id} aria-labelledby={`d-${decision.id}`} className={`rounded border bg-white p-5 ${decision.supersededBy ? "border-dashed border-slate-500" : "border-slate-300"}`}>
          <h2 id={`d-${decision.id}`} className="text-2xl font-bold">
            {decision.supersededBy ? tExpert("decision.supersededTitle") : t("decisionTitle")}
          </h2>
          {decision.supersededBy ? (
            <p className="mt-2 rounded border-l-8 border-slate-600 bg-slate-100 p-3">
              <strong>{tExpert("decision.superseded", { date: day(decision.supersededBy.createdAt) })}.</strong> {tExpert("decision.supersededNote")}
            </p>
          ) : (
            <p className="mt-2">{t("decisionIntro")}</p>
          )}
          {decision.supersedesId && (
            <p className="mt-2 font-semibold">
              {tExpert("decision.supersedes", { date: day(found.decisions.find((d) => d.id === decision.supersedesId)?.createdAt ?? decision.createdAt) })}
            </p>
          )}
          <p className="mt-2">{t("decidedOn", { date: day(decision.createdAt) })}</p>
          <p className="mt-3"><strong>{t("legalBasis")}</strong> {decision.legalBasis}</p>
          <p className="mt-2 whitespace-pre-line"><strong>{t("rationale")}</strong> {decision.rationale}</p>
          <h3 className="mt-5 text-xl font-bold">{t("assignmentsTitle")}</h3>
          {decision.supersededBy ? (
            <AssignmentsTable assignments={decision.assignments} now={now} />
          ) : (
            <AssignmentReports
              caseId={found.id}
              caseNumber={found.number}
              assignments={decision.assignments}
              followUp={assignmentFollowUp}
              canReport={found.actions.includes("case.reportAssignment")}
              now={now}
            />
          )}
        </section>
      ))}
      {found.decisions.length > 0 && (
        // A plain link: the letter is a download whose every fetch is audited, so it must never be prefetched.
        <p className="text-lg">
          <a href={`/besluitbrief/${found.number}`}>{tDecisions("letterLink")}</a>
        </p>
      )}

      {/* The staff words this page shows, explained; folded until someone opens it. */}
      <GlossaryList
        texts={[
          t(`next.${found.status}`),
          found.closingNote,
          found.openQuestion?.question,
          ...found.answeredQuestions.flatMap((q) => [q.question, q.withdrawReason]),
          ...found.interventions.flatMap((i) => [i.participants, i.outcome, i.nextStep, i.involvementNote]),
          ...found.decisions.flatMap((d) => [d.legalBasis, d.rationale, ...d.assignments.flatMap((a) => [a.party, a.description, a.payer])]),
          ...found.timeline.map((entry) => describe(entry.kind)),
          // The questions about school the family answered, as they show under what was filed.
          found.samenwerkingsverbandName && tFiling("samenwerkingsverbandName"),
          found.leerplichtInformed && tFiling("leerplichtInformed"),
          found.onderwijsconsulent && tFiling("onderwijsconsulent"),
        ]}
      />

      <AnsweredQuestions questions={found.answeredQuestions} />

      <Interventions interventions={found.interventions} childName={found.childName} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-2xl font-bold">{t("timelineTitle")}</h2>
        {/* The newest steps, newest first; the earlier ones fold away under them. */}
        <TimelineList entries={recentSteps} describe={describe} when={moment} />
        {earlierSteps.length > 0 && (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold">{t("earlierSteps", { count: earlierSteps.length })}</summary>
            <TimelineList entries={earlierSteps} describe={describe} when={moment} />
          </details>
        )}
      </section>

      {found.organisations.length > 0 && <CaseOrganisations organisations={found.organisations} audience="family" />}

      <DocumentsSection {...await listCaseDocuments(actor, { id: found.id })} />

      {/* What the family wrote themselves: there when they want it, folded so that what is new comes first. */}
      <FoldedSection id="gemeld" title={t("filedTitle")} summary={t("filedSummary", { date: day(found.createdAt) })}>
        <dl className="mt-1">
          {[
            { label: tFiling("childBirthDate"), value: day(found.childBirthDate) },
            {
              label: tFiling("schoolSituation"),
              value: found.schoolSituation
                ? [
                    tFiling(`schoolSituation_${found.schoolSituation}`),
                    found.outOfSchoolSince ? t("since", { date: day(found.outOfSchoolSince) }) : null,
                  ]
                    .filter(Boolean)
                    .join(" ")
                : null,
            },
            { label: tFiling("schoolName"), value: found.schoolName },
            { label: tFiling("samenwerkingsverbandName"), value: found.samenwerkingsverbandName },
            {
              label: tFiling("leerplichtInformed"),
              value: found.leerplichtInformed
                ? [tFiling(`schoolAnswer_${found.leerplichtInformed as "YES"}`), found.leerplichtInformedOn ? t("since", { date: helpDay(found.leerplichtInformedOn) }) : null]
                    .filter(Boolean)
                    .join(" ")
                : null,
            },
            { label: tFiling("leerplichtExemption"), value: found.leerplichtExemption ? tFiling(`schoolAnswer_${found.leerplichtExemption as "YES"}`) : null },
            { label: tFiling("onderwijsconsulent"), value: found.onderwijsconsulent ? tFiling(`schoolAnswer_${found.onderwijsconsulent as "YES"}`) : null },
            {
              label: tFiling("leerplichtConsent"),
              value: found.leerplichtConsent === null ? null : tFiling(found.leerplichtConsent ? "leerplichtConsent_YES" : "leerplichtConsent_NO"),
            },
            { label: tFiling("stuckDescription"), value: found.stuckDescription },
            { label: tFiling("stuckSince"), value: found.stuckSince ? day(found.stuckSince) : null },
            { label: tFiling("refusedBy"), value: found.refusedBy },
            { label: tFiling("triedDescription"), value: found.triedDescription },
            { label: tFiling("needDescription"), value: found.needDescription },
            { label: tFiling("childWish"), value: found.childWish },
            {
              label: tFiling("childWantsToBeHeard"),
              value: found.childWantsToBeHeard ? tFiling(`childWantsToBeHeard_${found.childWantsToBeHeard as "YES" | "NO" | "UNSURE"}`) : null,
            },
            { label: tFiling("clientSupporterName"), value: found.clientSupporterInvolved ? found.clientSupporterName : null },
            { label: tFiling("risks"), value: found.risks },
          ]
            .filter((row) => row.value)
            .map((row) => (
              <div key={row.label} className="border-b border-slate-200 py-2 last:border-b-0">
                <dt className="font-semibold">{row.label}</dt>
                <dd className="whitespace-pre-line break-words">{row.value}</dd>
              </div>
            ))}
        </dl>
      </FoldedSection>

      <AccessLogSection log={accessLog} caseNumber={found.number} olderPage={accessLogBefore !== null} describeStep={describeStep} />

      {found.invitations && <InviteSection caseId={found.id} caseNumber={found.number} data={found.invitations} />}

      {found.actions.includes("case.withdraw") && (
        <WithdrawForm caseId={found.id} caseNumber={found.number} action={withdrawAction} />
      )}

      <section aria-labelledby="contact-title">
        <h2 id="contact-title" className="text-2xl font-bold">{t("contactTitle")}</h2>
        {found.routing === "REGION" && found.region && (
          <>
            <p className="mt-2">{t("contactRegion", { region: found.region.name })}</p>
            {(found.region.expertTeam?.email || found.region.expertTeam?.phone) && (
              <ul className="mt-2">
                {found.region.expertTeam.email && <li><a href={`mailto:${found.region.expertTeam.email}`}>{found.region.expertTeam.email}</a></li>}
                {found.region.expertTeam.phone && <li>{found.region.expertTeam.phone}</li>}
              </ul>
            )}
          </>
        )}
        {found.routing === "FALLBACK" && fallback && (
          <>
            <p className="mt-2">{t("contactFallback", { fallback: fallback.name })}</p>
            <ul className="mt-2">
              <li><a href={`mailto:${fallback.email}`}>{fallback.email}</a></li>
              {fallback.phone && <li>{fallback.phone}</li>}
              {fallback.hours && <li className="whitespace-pre-line">{fallback.hours}</li>}
            </ul>
          </>
        )}
        <p className="mt-2">{t("contactText", { gemeente: displayName(g) })}</p>
        {g.contactName || g.contactEmail || g.contactPhone ? (
          <ul className="mt-2">
            {g.contactName && <li>{g.contactName}</li>}
            {g.contactEmail && <li><a href={`mailto:${g.contactEmail}`}>{g.contactEmail}</a></li>}
            {g.contactPhone && <li>{g.contactPhone}</li>}
            {g.contactHours && <li className="whitespace-pre-line">{g.contactHours}</li>}
          </ul>
        ) : (
          <p className="mt-2">{t("noContact")}</p>
        )}
        <p className="mt-2">
          <Link href={`/gemeenten/${g.cbsCode}`}>{t("directoryLink", { gemeente: displayName(g) })}</Link>
        </p>
      </section>
    </div>
  );
}
