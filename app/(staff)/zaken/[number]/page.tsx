import { CaseOrganisations } from "@/components/case-organisations";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AssignmentsTable } from "@/components/assignments-table";
import { CaseDocuments } from "@/components/case-documents";
import { ClientMessages } from "@/components/client-messages";
import { StatusBadge } from "@/components/status-badge";
import { displayName } from "@/lib/domain/gemeente-name";
import { requirePermission } from "@/lib/auth/session";
import { maskBsn } from "@/lib/domain/bsn";
import { causes, labelOf, organisationKinds } from "@/lib/domain/causes";
import { recordId } from "@/lib/domain/fields";
import { readTimelineKind } from "@/lib/domain/timeline";
import { todayIso } from "@/lib/domain/inputs";
import { openCase } from "@/lib/server/cases/open-case";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { listGemeenten } from "@/lib/server/reference/list-gemeenten";
import { markCaseNotificationsRead } from "@/lib/server/notifications/staff-inbox";
import { openAssignmentCount } from "@/lib/domain/monitoring";
import { staffAssignmentFollowUp } from "@/lib/server/monitoring/list-assignments";
import { ActionPanel } from "./action-panel";
import { AssignmentControls } from "./assignment-controls";
import {
  assignAction,
  claimAction,
  closeAction,
  correctDecisionAction,
  decideAction,
  inadmissibleAction,
  logInterventionAction,
  noteAction,
  proposeAction,
  referAction,
  refineEvaluationAction,
  requestInfoAction,
  withdrawQuestionAction,
  setUrgencyAction,
  linkOrganisationAction,
  unlinkOrganisationAction,
  startLocalAction,
  transferAction,
  settleAssignmentAction,
  resendAssignmentLinkAction,
  revokeAssignmentLinkAction,
} from "./actions";
import { orNotFound } from "./load";
import { CaseEvaluation } from "./evaluation";
import { ProcesregieSteps } from "./procesregie-steps";
import { PurgedCase } from "./purged-case";

/**
 * The message catalog sections the workspace's forms use. Given here rather than in a
 * layout, so that the audit trail below this route does not carry them.
 */
const formNamespaces = ["workspace", "triage", "expertWork", "interventionType", "monitoring", "documents", "urgency", "organisations"];

type Params = { params: Promise<{ number: string }> };
type PageProps = Params & {
  searchParams: Promise<{ gedaan?: string; bezet?: string; stappen?: string | string[]; interventies?: string | string[]; vragen?: string | string[] }>;
};

/** A page position from the URL: a row id, or nothing (the newest rows) when it is not one. */
function positionOf(value: string | string[] | undefined): string | null {
  const id = Array.isArray(value) ? value[0] : value;
  return id && recordId().safeParse(id).success ? id : null;
}

const dutchOrder = new Intl.Collator("nl");

/** The gemeenten a case may be transferred to: all but its own and those it was in before, sorted as people say them. */
async function transferTargets(exclude: Set<string>) {
  return (await listGemeenten())
    .filter((g) => !exclude.has(g.cbsCode))
    .map((g) => ({ value: g.cbsCode, label: g.commonName ? `${g.commonName} (${g.name})` : g.name }))
    .sort((a, b) => dutchOrder.compare(a.label.replace(/^'s-/, ""), b.label.replace(/^'s-/, "")));
}

type EvaluationSource = {
  referrals: { causes: string[]; organisationKinds: string[] }[];
  evaluation: {
    blockers: string[];
    organisationKinds: string[];
    outcome: string | null;
    helpStartedOn: Date | null;
    blockedNote: string | null;
    breakthroughNote: string;
  } | null;
};

/** What the closing form starts from (the latest referral) or the refining form shows (the stored evaluation). */
function evaluationForForms(c: EvaluationSource) {
  const e = c.evaluation;
  if (e) {
    return {
      stored: true,
      defaults: {
        causes: e.blockers,
        organisationKinds: e.organisationKinds,
        outcome: e.outcome,
        helpStartedOn: e.helpStartedOn ? e.helpStartedOn.toISOString().slice(0, 10) : null,
        blockedNote: e.blockedNote,
        breakthroughNote: e.breakthroughNote,
      },
    };
  }
  const referral = c.referrals.at(-1);
  return { stored: false, defaults: referral ? { causes: referral.causes, organisationKinds: referral.organisationKinds } : {} };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("title", { number: (await params).number }) };
}

type PageLink = { href: string; text: string };

/**
 * Where a long log is: how many of how many rows are shown, and links to older
 * rows and back to the newest. Shows nothing while the whole log fits.
 */
function LogPaging({
  log,
  shown,
  label,
  summary,
  newest,
  older,
}: {
  log: { total: number; more: boolean; paged: boolean };
  shown: number;
  label: string;
  summary: string;
  newest: PageLink;
  older: PageLink;
}) {
  if (!log.more && !log.paged && shown >= log.total) return null;
  return (
    <nav aria-label={label} className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-2">
      <p>{summary}</p>
      {log.paged && (
        <Link href={newest.href} className="font-semibold text-teal-900 underline underline-offset-4">
          {newest.text}
        </Link>
      )}
      {log.more && (
        <Link href={older.href} className="font-semibold text-teal-900 underline underline-offset-4">
          {older.text}
        </Link>
      )}
    </nav>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 sm:grid-cols-3">
      <dt className="font-semibold">{label}</dt>
      <dd className="whitespace-pre-line sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function CaseWorkspacePage({ params, searchParams }: PageProps) {
  const { number } = await params;
  const query = await searchParams;
  const justDone = query.gedaan === "1";
  const lostRace = query.bezet === "1";
  const actor = await requirePermission("case.view", `/zaken/${number}`);
  const position = {
    stepsBefore: positionOf(query.stappen),
    interventionsBefore: positionOf(query.interventies),
    questionsBefore: positionOf(query.vragen),
  };
  const view = await orNotFound(number, () => openCase(actor, number, position));
  const c = view.case;
  if (view.purged) {
    return (
      <PurgedCase
        view={{
          number: c.number,
          status: c.status,
          result: c.result,
          urgency: c.urgency,
          domains: c.domains,
          createdAt: c.createdAt,
          closedAt: c.closedAt,
          gemeente: c.gemeente.commonName ?? c.gemeente.name,
          region: c.region?.name ?? null,
          purgedAt: view.purged.purgedAt,
          retentionMonths: view.purged.retentionMonths,
          canReadAudit: view.canReadAudit,
        }}
      />
    );
  }
  await markCaseNotificationsRead(actor, view.case.id);
  const t = await getTranslations("workspace");
  const tUrgency = await getTranslations("urgency");
  const tDomain = await getTranslations("domain");
  const tType = await getTranslations("interventionType");
  const tRole = await getTranslations("role");
  const tTriage = await getTranslations("triage");
  const tDecisions = await getTranslations("decisions");
  const tMonitoring = await getTranslations("monitoring");
  const locale = await getLocale();
  const tExpert = await getTranslations("expertWork");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const name = (id: string | null) => (id ? (view.names.get(id) ?? t("unknown")) : t("unknown"));
  // The decision starts from the expert team's newest proposal.
  const latestProposal = c.proposals.reduce<(typeof c.proposals)[number] | null>((latest, p) => (!latest || p.createdAt > latest.createdAt ? p : latest), null);
  const now = new Date();
  // The decision in force: the latest that no correction replaced.
  const inForce = c.decisions.filter((d) => !c.decisions.some((n) => n.supersedesId === d.id)).at(-1) ?? null;
  const overdue = c.deadlineAt !== null && c.deadlineAt < now;
  const assignmentFollowUp = c.decisions.length > 0 ? await staffAssignmentFollowUp(actor, c.id) : new Map();

  function kindLabel(kind: string): string {
    const read = readTimelineKind(kind);
    if (read && "step" in read) return t(`timeline.${read.step}`);
    if (read && tType.has(read.interventionType)) return t("timeline.intervention", { type: tType(read.interventionType) });
    return t("timeline.other");
  }

  return (
    <ClientMessages namespaces={formNamespaces}>
      <div className="space-y-10">
        <div>
          {justDone && (
            <p role="status" className="mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold">
              {t("done")}
            </p>
          )}
          {lostRace && (
            <p role="alert" className="mb-4 rounded border-l-8 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
              {tTriage("conflict")}
            </p>
          )}
          <h1 className="text-3xl font-bold">{t("title", { number: c.number })}</h1>
          <p className="mt-2">
            <StatusBadge status={c.status} audience="staff" />
          </p>
          {view.canReadAudit && (
            <p className="mt-3">
              <Link href={`/zaken/${c.number}/audit`}>{t("auditLink")}</Link>
            </p>
          )}
        </div>

        <section aria-labelledby="facts">
          <h2 id="facts" className="text-2xl font-bold">{t("factsTitle")}</h2>
          <dl className="mt-3 rounded border border-slate-300 bg-white px-4">
            <Fact label={t("child")}>{c.childName}</Fact>
            <Fact label={t("birthDate")}>{day(c.childBirthDate)}</Fact>
            <Fact label={t("bsn")}>{c.childBsn ? maskBsn(c.childBsn) : "—"}</Fact>
            <Fact label={t("gemeente")}>
              {displayName(c.gemeente)} ({c.gemeente.commonName ? `${c.gemeente.name}, ` : ""}{c.gemeente.cbsCode})
              <span className="block text-slate-700">{t(`residenceRule.${c.residenceRule}`)}</span>
            </Fact>
            <Fact label={t("region")}>{c.region?.name ?? "—"}</Fact>
            <Fact label={t("expertTeam")}>{c.region?.expertTeam?.name ?? "—"}</Fact>
            <Fact label={t("consent")}>
              {t(`consentGivenBy.${c.consentGivenBy}`)}
              {c.consentMethod && (
                <span className="block">{t("consentRecordedBy", { method: t(`consentMethod.${c.consentMethod}`) })}</span>
              )}
            </Fact>
            <Fact label={t("urgency")}>{tUrgency(c.urgency)}</Fact>
            <Fact label={t("domains")}>{c.domains.map((d) => tDomain(d)).join(", ")}</Fact>
            <Fact label={t("stuckSince")}>{c.stuckSince ? day(c.stuckSince) : "—"}</Fact>
            <Fact label={t("school")}>
              {c.schoolSituation ? t(`schoolSituation.${c.schoolSituation}`) : "—"}
              {c.outOfSchoolSince && ` ${t("outOfSchoolSince", { date: day(c.outOfSchoolSince) })}`}
              {c.schoolName && <span className="block">{t("schoolFacts.schoolName", { name: c.schoolName })}</span>}
              {c.samenwerkingsverbandName && <span className="block">{t("schoolFacts.swv", { name: c.samenwerkingsverbandName })}</span>}
              {c.leerplichtInformed && (
                <span className="block">
                  {t(`schoolFacts.leerplicht_${c.leerplichtInformed as "YES"}`)}
                  {c.leerplichtInformedOn && ` ${t("outOfSchoolSince", { date: day(c.leerplichtInformedOn) })}`}
                </span>
              )}
              {c.leerplichtExemption && <span className="block">{t(`schoolFacts.exemption_${c.leerplichtExemption as "YES"}`)}</span>}
              {c.onderwijsconsulent && <span className="block">{t(`schoolFacts.consulent_${c.onderwijsconsulent as "YES"}`)}</span>}
              {c.leerplichtConsent !== null && (
                <span className="block">
                  {t(c.leerplichtConsent ? "schoolFacts.consent_YES" : "schoolFacts.consent_NO")}
                  {c.leerplichtNotifiedAt && ` ${t("schoolFacts.notifiedOn", { date: day(c.leerplichtNotifiedAt) })}`}
                </span>
              )}
            </Fact>
            <Fact label={t("stuck")}>{c.stuckDescription}</Fact>
            <Fact label={t("refusedBy")}>{c.refusedBy ?? "—"}</Fact>
            <Fact label={t("tried")}>{c.triedDescription}</Fact>
            <Fact label={t("need")}>{c.needDescription}</Fact>
            <Fact label={t("childWish")}>{c.childWish ?? "—"}</Fact>
            {c.childWantsToBeHeard && <Fact label={t("childWantsToBeHeard")}>{t(`childHeard.${c.childWantsToBeHeard}`)}</Fact>}
            <Fact label={t("clientSupporter")}>
              {c.clientSupporterInvolved === null ? "—" : c.clientSupporterInvolved ? (c.clientSupporterName ?? t("clientSupporterYes")) : t("clientSupporterNo")}
            </Fact>
            <Fact label={t("risks")}>{c.risks ?? "—"}</Fact>
            <Fact label={t("deadline")}>
              {c.deadlineAt ? day(c.deadlineAt) : "—"} {overdue && <strong className="text-red-800">{t("overdue")}</strong>}
            </Fact>
            {c.result && <Fact label={t("result")}>{tTriage(`result.${c.result}`)}</Fact>}
            {c.closingNote && <Fact label={tTriage("closingNote")}>{c.closingNote}</Fact>}
            <Fact label={t("assignee")}>{c.assigneeId ? name(c.assigneeId) : t("nobody")}</Fact>
            <Fact label={tTriage("transferCount")}>{c.transferCount}</Fact>
          </dl>
        </section>

        <ProcesregieSteps case={c} />

        <section aria-labelledby="actions" className="space-y-4">
          <h2 id="actions" className="text-2xl font-bold">{t("actionsTitle")}</h2>
          <ActionPanel
            caseId={c.id}
            caseNumber={c.number}
            status={c.status}
            available={view.actions}
            proposerIsActor={view.proposerIsActor}
            openAssignments={openAssignmentCount(c.decisions)}
            correction={inForce}
            proposal={latestProposal ? { text: latestProposal.proposal, rationale: latestProposal.rationale, proposedBy: name(latestProposal.proposedById), proposedOn: day(latestProposal.createdAt) } : null}
            today={todayIso()}
            triage={{
              colleagues: view.colleagues.filter((u) => u.id !== c.assigneeId),
              gemeenten: view.actions.includes("case.transfer")
                ? await transferTargets(new Set([c.gemeente.cbsCode, ...[...view.transferGemeenten.values()].map((g) => g.cbsCode)]))
                : [],
              transferCount: c.transferCount,
              gemeenteName: c.gemeente.commonName ?? c.gemeente.name,
              urgency: c.urgency,
              directory: view.directory,
              named: c.organisations.map((o) => ({ id: o.id, name: o.name })),
            }}
            actions={{
              claim: claimAction,
              startLocal: startLocalAction,
              requestInfo: requestInfoAction,
              withdrawQuestion: withdrawQuestionAction,
              setUrgency: setUrgencyAction,
              linkOrganisation: linkOrganisationAction,
              unlinkOrganisation: unlinkOrganisationAction,
              refer: referAction,
              logIntervention: logInterventionAction,
              propose: proposeAction,
              decide: decideAction,
              correctDecision: correctDecisionAction,
              assign: assignAction,
              note: noteAction,
              transfer: transferAction,
              inadmissible: inadmissibleAction,
              close: closeAction,
              refineEvaluation: refineEvaluationAction,
            }}
            evaluation={evaluationForForms(c)}
          />
        </section>

        {c.transfers.length > 0 && (
          <section aria-labelledby="transfers" className="space-y-4">
            <h2 id="transfers" className="text-2xl font-bold">{tTriage("transfersTitle")}</h2>
            {c.transfers.map((tr) => (
              <article key={tr.id} className="rounded border border-slate-300 bg-white p-4">
                <p className="font-semibold">
                  {tTriage("transferLine", {
                    from: view.transferGemeenten.get(tr.fromGemeenteId)?.name ?? t("unknown"),
                    to: view.transferGemeenten.get(tr.toGemeenteId)?.name ?? t("unknown"),
                  })}
                </p>
                <p className="text-sm text-slate-700">{tTriage("transferMeta", { date: moment(tr.createdAt), name: name(tr.transferredById) })}</p>
                <p className="mt-2 whitespace-pre-line"><strong>{tTriage("transferReason")}:</strong> {tr.reason}</p>
                {tr.expertAgreement && (
                  <p className="mt-1 whitespace-pre-line"><strong>{tTriage("transferAgreement")}:</strong> {tr.expertAgreement}</p>
                )}
              </article>
            ))}
          </section>
        )}

        {c.decisions.length > 0 && (
          <section aria-labelledby="decisions" className="space-y-4">
            <h2 id="decisions" className="text-2xl font-bold">{t("decisionsTitle")}</h2>
            {/* A plain link: the letter is a download whose every fetch is audited, so it must never be prefetched. */}
            <p>
              <a href={`/besluitbrief/${c.number}`}>{tDecisions("letterLink")}</a>
            </p>
            {view.canSendPartyLetters && inForce && inForce.assignments.length > 0 && (
              <div>
                <p>{tDecisions("partyLettersIntro")}</p>
                <ul className="mt-1 list-disc pl-6">
                  {inForce.assignments.map((a) => (
                    <li key={a.id}>
                      <a href={`/besluitbrief/${c.number}/opdracht/${a.id}`}>{tDecisions("partyLetterLink", { party: a.party })}</a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {c.decisions.map((d) => (
              <article key={d.id} className={`rounded border bg-white p-4 ${c.decisions.some((n) => n.supersedesId === d.id) ? "border-dashed border-slate-500" : "border-slate-300"}`}>
                {c.decisions
                  .filter((n) => n.supersedesId === d.id)
                  .map((n) => (
                    <p key={n.id} className="mb-2 rounded border-l-8 border-slate-600 bg-slate-100 p-2 font-semibold">
                      {tExpert("decision.superseded", { date: day(n.createdAt) })}
                    </p>
                  ))}
                {d.supersedesId && (
                  <p className="mb-2 font-semibold">
                    {tExpert("decision.supersedes", { date: day(c.decisions.find((o) => o.id === d.supersedesId)?.createdAt ?? d.createdAt) })}
                  </p>
                )}
                <p className="font-semibold">{t("decidedBy", { name: name(d.decidedById), date: day(d.createdAt) })}</p>
                <p className="mt-2"><strong>{t("legalBasis")}:</strong> {d.legalBasis}</p>
                <p className="mt-1 whitespace-pre-line"><strong>{t("rationale")}:</strong> {d.rationale}</p>
                <AssignmentsTable assignments={d.assignments} now={now} />
                <AssignmentControls
                  caseId={c.id}
                  caseNumber={c.number}
                  assignments={d.assignments}
                  followUp={assignmentFollowUp}
                  canSettle={view.actions.includes("case.settleAssignment") && !c.decisions.some((n) => n.supersedesId === d.id)}
                  canManageLinks={view.canManageAssignmentLinks && c.status !== "CLOSED" && !c.decisions.some((n) => n.supersedesId === d.id)}
                  now={now}
                  action={settleAssignmentAction}
                  linkActions={{ resend: resendAssignmentLinkAction, revoke: revokeAssignmentLinkAction }}
                />
              </article>
            ))}
          </section>
        )}

        {c.evaluation && (
          <CaseEvaluation
            evaluation={c.evaluation}
            createdBy={name(c.evaluation.createdById)}
            updatedBy={c.evaluation.updatedById ? name(c.evaluation.updatedById) : null}
          />
        )}

        {c.proposals.length > 0 && (
          <section aria-labelledby="proposals" className="space-y-4">
            <h2 id="proposals" className="text-2xl font-bold">{t("proposalsTitle")}</h2>
            {c.proposals.map((p) => (
              <article key={p.id} className="rounded border border-slate-300 bg-white p-4">
                <p className="font-semibold">{t("proposedBy", { name: name(p.proposedById), date: day(p.createdAt) })}</p>
                <p className="mt-2 whitespace-pre-line">{p.proposal}</p>
                <p className="mt-2 whitespace-pre-line"><strong>{t("rationale")}:</strong> {p.rationale}</p>
              </article>
            ))}
          </section>
        )}

        {c.interventions.length > 0 && (
          <section aria-labelledby="interventions" className="space-y-4">
            <h2 id="interventions" className="text-2xl font-bold">{t("interventionsTitle")}</h2>
            <LogPaging
              log={view.logs.interventions}
              shown={c.interventions.length}
              label={t("logs.interventions.label")}
              summary={t("logs.interventions.summary", { shown: c.interventions.length, total: view.logs.interventions.total })}
              newest={{ href: `/zaken/${c.number}#interventions`, text: t("logs.interventions.newest") }}
              older={{ href: `/zaken/${c.number}?interventies=${c.interventions[0]?.id ?? ""}#interventions`, text: t("logs.interventions.older") }}
            />
            <ol aria-label={tExpert("log.caption")} className="space-y-4 border-l-4 border-teal-800 pl-5">
              {c.interventions.map((i) => (
                <li key={i.id} className="rounded border border-slate-300 bg-white p-4">
                  <p className="font-semibold">
                    <time dateTime={i.occurredOn.toISOString().slice(0, 10)}>{day(i.occurredOn)}</time> · {tType(i.type)}
                  </p>
                  <p className="text-sm text-slate-700">{tExpert("log.loggedBy", { name: name(i.loggedById) })}</p>
                  <dl className="mt-2">
                    <Fact label={tExpert("log.participants")}>{i.participants}</Fact>
                    <Fact label={tExpert("log.parentInvolved")}>{i.familyInvolved ? tExpert("log.yes") : tExpert("log.no")}</Fact>
                    <Fact label={tExpert("log.childInvolved")}>{i.childInvolved ? tExpert("log.yes") : tExpert("log.no")}</Fact>
                    {i.involvementNote && <Fact label={tExpert("log.involvementNote")}>{i.involvementNote}</Fact>}
                    <Fact label={tExpert("log.outcome")}>{i.outcome}</Fact>
                    {i.nextStep && <Fact label={tExpert("log.nextStep")}>{i.nextStep}</Fact>}
                  </dl>
                  {i.internalNote && (
                    <div className="mt-3 rounded border-l-8 border-amber-600 bg-amber-50 p-3">
                      <p className="font-semibold">
                        {tExpert("log.internalNote")} <span className="text-sm font-normal">({tExpert("log.internalLabel")})</span>
                      </p>
                      <p className="whitespace-pre-line">{i.internalNote}</p>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}

        {c.informationRequests.length > 0 && (
          <section aria-labelledby="questions">
            <h2 id="questions" className="text-2xl font-bold">{t("questionsTitle")}</h2>
            <LogPaging
              log={view.logs.questions}
              shown={c.informationRequests.length}
              label={t("logs.questions.label")}
              summary={t("logs.questions.summary", { shown: c.informationRequests.length, total: view.logs.questions.total })}
              newest={{ href: `/zaken/${c.number}#questions`, text: t("logs.questions.newest") }}
              older={{ href: `/zaken/${c.number}?vragen=${c.informationRequests[0]?.id ?? ""}#questions`, text: t("logs.questions.older") }}
            />
            <ul className="mt-3 space-y-2">
              {c.informationRequests.map((q) => (
                <li key={q.id} className="rounded border border-slate-300 bg-white p-3">
                  <p className="text-sm text-slate-700">{t("askedBy", { date: moment(q.askedAt), name: name(q.askedById) })}</p>
                  <p className="whitespace-pre-line">{q.question}</p>
                  {q.answeredAt ? (
                    <>
                      <p className="mt-2 text-sm text-slate-700">{t("answeredAt", { date: moment(q.answeredAt) })}</p>
                      <p className="whitespace-pre-line">{q.answer}</p>
                    </>
                  ) : q.withdrawnAt ? (
                    <>
                      <p className="mt-2 text-sm text-slate-700">
                        {q.withdrawReason
                          ? t("questionWithdrawn", { date: moment(q.withdrawnAt), name: name(q.withdrawnById) })
                          : t("questionLapsed", { date: moment(q.withdrawnAt) })}
                      </p>
                      {q.withdrawReason && <p className="whitespace-pre-line">{q.withdrawReason}</p>}
                    </>
                  ) : (
                    <p className="mt-2 font-semibold">{t("noAnswer")}</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        {c.referrals.length > 0 && (
          <section aria-labelledby="referrals">
            <h2 id="referrals" className="text-2xl font-bold">{t("referralsTitle")}</h2>
            <ul className="mt-3 space-y-2">
              {c.referrals.map((r) => (
                <li key={r.id} className="rounded border border-slate-300 bg-white p-3">
                  <p className="text-sm text-slate-700">{moment(r.createdAt)}</p>
                  <p className="whitespace-pre-line">{r.question}</p>
                  {r.causes.length > 0 && (
                    <p className="mt-1">
                      <strong>{tMonitoring("close.causes")}:</strong> {r.causes.map((k) => labelOf(causes, k, locale)).join(", ")}
                    </p>
                  )}
                  {r.organisationKinds.length > 0 && (
                    <p className="mt-1">
                      <strong>{tMonitoring("close.organisationKinds")}:</strong> {r.organisationKinds.map((k) => labelOf(organisationKinds, k, locale)).join(", ")}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        <CaseDocuments {...await listCaseDocuments(actor, { id: c.id })} />

        <section aria-labelledby="parties">
          <h2 id="parties" className="text-2xl font-bold">{t("partiesTitle")}</h2>
          <ul className="mt-3 space-y-1">
            {c.parties.map((p) => (
              <li key={p.id}>
                <strong>{t(`partyRole.${p.role}`)}:</strong> {p.name}
                {p.organisation && ` (${p.organisation})`}
                {p.email && ` · ${p.email}`}
                {p.phone && ` · ${p.phone}`}
                {p.contactPreference === "PHONE" && ` (${t("prefersPhone")})`}
              </li>
            ))}
          </ul>
        </section>

        <CaseOrganisations organisations={c.organisations} audience="staff" />

        <section aria-labelledby="timeline">
          <h2 id="timeline" className="text-2xl font-bold">{t("timelineTitle")}</h2>
          <LogPaging
            log={view.logs.steps}
            shown={c.timeline.length}
            label={t("logs.steps.label")}
            summary={t("logs.steps.summary", { shown: c.timeline.length, total: view.logs.steps.total })}
            newest={{ href: `/zaken/${c.number}#timeline`, text: t("logs.steps.newest") }}
            older={{ href: `/zaken/${c.number}?stappen=${c.timeline[0]?.id ?? ""}#timeline`, text: t("logs.steps.older") }}
          />
          <ol className="mt-4 space-y-4 border-l-4 border-teal-800 pl-5">
            {c.timeline.map((e) => (
              <li key={e.id}>
                <p className="text-sm font-semibold text-slate-700">
                  <time dateTime={e.createdAt.toISOString()}>{moment(e.createdAt)}</time>
                  {e.actorId && ` · ${t("by", { name: name(e.actorId) })}`}
                  {e.actorRole && ` (${tRole(e.actorRole)})`}
                </p>
                <p className="font-semibold">{kindLabel(e.kind)}</p>
                {e.body && <p className="whitespace-pre-line">{e.body}</p>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </ClientMessages>
  );
}
