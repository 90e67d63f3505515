import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AssignmentsTable } from "@/components/assignments-table";
import { CaseDocuments } from "@/components/case-documents";
import { StatusBadge } from "@/components/status-badge";
import { requirePermission } from "@/lib/auth/session";
import { maskBsn } from "@/lib/domain/bsn";
import { readTimelineKind } from "@/lib/domain/timeline";
import { todayIso } from "@/lib/domain/inputs";
import { openCase } from "@/lib/server/cases/open-case";
import { listCaseDocuments } from "@/lib/server/documents/list-documents";
import { listGemeenten } from "@/lib/server/reference/list-gemeenten";
import { markCaseNotificationsRead } from "@/lib/server/notifications/staff-inbox";
import { ActionPanel } from "./action-panel";
import {
  assignAction,
  claimAction,
  closeAction,
  decideAction,
  inadmissibleAction,
  logInterventionAction,
  noteAction,
  proposeAction,
  referAction,
  requestInfoAction,
  startLocalAction,
  transferAction,
} from "./actions";
import { orNotFound } from "./load";

type Params = { params: Promise<{ number: string }> };
type PageProps = Params & { searchParams: Promise<{ gedaan?: string; bezet?: string }> };

/** The gemeenten a case may be transferred to: all but its own and those it was in before, sorted as people say them. */
async function transferTargets(exclude: Set<string>) {
  return (await listGemeenten())
    .filter((g) => !exclude.has(g.cbsCode))
    .map((g) => ({ value: g.cbsCode, label: g.commonName ? `${g.commonName} (${g.name})` : g.name }))
    .sort((a, b) => a.label.replace(/^'s-/, "").localeCompare(b.label.replace(/^'s-/, ""), "nl"));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("title", { number: (await params).number }) };
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
  const view = await orNotFound(number, () => openCase(actor, number));
  await markCaseNotificationsRead(actor, view.case.id);
  const c = view.case;
  const t = await getTranslations("workspace");
  const tUrgency = await getTranslations("urgency");
  const tDomain = await getTranslations("domain");
  const tType = await getTranslations("interventionType");
  const tRole = await getTranslations("role");
  const tTriage = await getTranslations("triage");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const name = (id: string | null) => (id ? (view.names.get(id) ?? t("unknown")) : t("unknown"));
  const overdue = c.deadlineAt !== null && c.deadlineAt < new Date();

  function kindLabel(kind: string): string {
    const read = readTimelineKind(kind);
    if (read && "step" in read) return t(`timeline.${read.step}`);
    if (read && tType.has(read.interventionType)) return t("timeline.intervention", { type: tType(read.interventionType) });
    return t("timeline.other");
  }

  return (
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
          <StatusBadge status={c.status} />
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
            {c.gemeente.name} ({c.gemeente.cbsCode})
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
          </Fact>
          <Fact label={t("stuck")}>{c.stuckDescription}</Fact>
          <Fact label={t("refusedBy")}>{c.refusedBy ?? "—"}</Fact>
          <Fact label={t("tried")}>{c.triedDescription}</Fact>
          <Fact label={t("need")}>{c.needDescription}</Fact>
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

      <section aria-labelledby="actions" className="space-y-4">
        <h2 id="actions" className="text-2xl font-bold">{t("actionsTitle")}</h2>
        <ActionPanel
          caseId={c.id}
          caseNumber={c.number}
          available={view.actions}
          proposerIsActor={view.proposerIsActor}
          today={todayIso()}
          triage={{
            colleagues: view.colleagues.filter((u) => u.id !== c.assigneeId),
            gemeenten: view.actions.includes("case.transfer")
              ? await transferTargets(new Set([c.gemeente.cbsCode, ...[...view.transferGemeenten.values()].map((g) => g.cbsCode)]))
              : [],
            transferCount: c.transferCount,
            gemeenteName: c.gemeente.commonName ?? c.gemeente.name,
          }}
          actions={{
            claim: claimAction,
            startLocal: startLocalAction,
            requestInfo: requestInfoAction,
            refer: referAction,
            logIntervention: logInterventionAction,
            propose: proposeAction,
            decide: decideAction,
            assign: assignAction,
            note: noteAction,
            transfer: transferAction,
            inadmissible: inadmissibleAction,
            close: closeAction,
          }}
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
          {c.decisions.map((d) => (
            <article key={d.id} className="rounded border border-slate-300 bg-white p-4">
              <p className="font-semibold">{t("decidedBy", { name: name(d.decidedById), date: day(d.createdAt) })}</p>
              <p className="mt-2"><strong>{t("legalBasis")}:</strong> {d.legalBasis}</p>
              <p className="mt-1 whitespace-pre-line"><strong>{t("rationale")}:</strong> {d.rationale}</p>
              <AssignmentsTable assignments={d.assignments} />
            </article>
          ))}
        </section>
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
          {c.interventions.map((i) => (
            <article key={i.id} className="rounded border border-slate-300 bg-white p-4">
              <p className="font-semibold">{tType(i.type)} · {day(i.occurredOn)}</p>
              <dl className="mt-2">
                <Fact label={t("participants")}>{i.participants}</Fact>
                <Fact label={t("familyInvolved")}>{i.familyInvolved ? t("yes") : t("no")}</Fact>
                <Fact label={t("outcome")}>{i.outcome}</Fact>
                {i.nextStep && <Fact label={t("nextStep")}>{i.nextStep}</Fact>}
              </dl>
            </article>
          ))}
        </section>
      )}

      {c.informationRequests.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions" className="text-2xl font-bold">{t("questionsTitle")}</h2>
          <ul className="mt-3 space-y-2">
            {c.informationRequests.map((q) => (
              <li key={q.id} className="rounded border border-slate-300 bg-white p-3">
                <p className="text-sm text-slate-700">{t("askedAt", { date: moment(q.askedAt) })}</p>
                <p className="whitespace-pre-line">{q.question}</p>
                {q.answeredAt ? (
                  <>
                    <p className="mt-2 text-sm text-slate-700">{t("answeredAt", { date: moment(q.answeredAt) })}</p>
                    <p className="whitespace-pre-line">{q.answer}</p>
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

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="text-2xl font-bold">{t("timelineTitle")}</h2>
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
  );
}
