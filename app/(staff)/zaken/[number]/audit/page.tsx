import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { caseOutcomes, causes, labelOf, organisationKinds, type ListEntry } from "@/lib/domain/causes";
import { PageHeader } from "@/components/page-header";
import { Table } from "@/components/table";
import { requirePermission } from "@/lib/auth/session";
import { auditActions, REDACTED } from "@/lib/domain/audit";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { roles } from "@/lib/domain/roles";
import { canonicalHref, TEXT_FILTER_MAX_LENGTH, type RawSearchParams } from "@/lib/server/audit/filters";
import {
  emptyTrailFilter,
  isTrailFiltered,
  parseTrailFilter,
  PERSON_FIELDS,
  readAuditTrail,
  SYSTEM_ACTOR,
  trailSearchParams,
  type AuditTrailPage,
  type TrailFilter,
} from "@/lib/server/cases/read-audit-trail";
import { ErrorSummary, FilterInput, FilterSelect, submitClass } from "../../../ombudsman/filter-fields";
import { orNotFound } from "../load";
import { verifyChainAction } from "./actions";
import { VerifyChainForm } from "./verify-chain-form";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title", { number: (await params).number }) };
}

type Translate = { (key: string): string; has(key: string): boolean };

/** "Field: old → new", with field names and coded values in the reader's language. */
function describeChanges(changes: unknown, t: Translate, codes: Record<string, Translate>): string[] {
  if (!changes || typeof changes !== "object") return [];
  const one = (field: string, v: unknown): string => {
    if (v === REDACTED) return t("redacted");
    const dictionary = codes[field];
    if (typeof v === "string" && dictionary?.has(v)) return dictionary(v);
    return typeof v === "string" ? v : JSON.stringify(v);
  };
  const value = (field: string, v: unknown) => {
    if (v === null || v === undefined) return "—";
    return Array.isArray(v) ? v.map((item) => one(field, item)).join(", ") : one(field, v);
  };
  return Object.entries(changes as Record<string, { old?: unknown; new?: unknown }>).map(([field, change]) => {
    const label = t.has(`field.${field}`) ? t(`field.${field}`) : field;
    return `${label}: ${value(field, change?.old)} → ${value(field, change?.new)}`;
  });
}

/** Action codes contain a dot, which message keys cannot: case.read is action.case_read. */
function actionKey(action: string): string {
  return `action.${action.replace(".", "_")}`;
}

/** A hash shortened on screen, whole for screen readers and in the tooltip. */
function Hash({ value, none }: { value: string | null; none: string }) {
  if (!value) return <span>{none}</span>;
  return (
    <code title={value} className="font-mono">
      <span aria-hidden="true">{value.slice(0, 12)}…</span>
      <span className="sr-only">{value}</span>
    </code>
  );
}

export default async function AuditTrailPage({ params, searchParams }: Props) {
  const { number } = await params;
  const actor = await requirePermission("audit.read", `/zaken/${number}/audit`);
  if (!caseNumberPattern.test(number)) notFound();
  const basePath = `/zaken/${number}/audit`;
  const raw = await searchParams;
  const parsed = parseTrailFilter(raw);
  // A submitted form carries its empty fields too: show the same view under its short URL.
  if (parsed.ok) {
    const canonical = canonicalHref(raw, trailSearchParams(parsed.filter), basePath);
    if (canonical) redirect(canonical);
  }
  // Bad filters: nothing is read (and so nothing recorded) until they are put right.
  const trail: AuditTrailPage | null = parsed.ok ? await orNotFound(number, () => readAuditTrail(actor, number, parsed.filter)) : null;
  const fieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  const values: Record<string, string> = parsed.ok
    ? { who: parsed.filter.who, role: parsed.filter.role ?? "", action: parsed.filter.action ?? "", from: parsed.filter.from ?? "", to: parsed.filter.to ?? "" }
    : parsed.values;
  const href = (filter: TrailFilter) => {
    const query = trailSearchParams(filter).toString();
    return query ? `${basePath}?${query}` : basePath;
  };

  const t = await getTranslations("audit");
  const tRole = await getTranslations("role");
  const tt = t as unknown as Translate;
  const actionLabels = Object.assign((v: string) => t(actionKey(v)), { has: (v: string) => t.has(actionKey(v)) });
  const codes: Record<string, Translate> = {
    ...Object.fromEntries(
      await Promise.all(
        (
          [
            ["status", "status"],
            ["urgency", "urgency"],
            ["domains", "domain"],
            ["type", "interventionType"],
            ["result", "caseResult"],
            ["residenceRule", "audit.residenceRule"],
            ["consentGivenBy", "audit.consentGivenBy"],
            ["blockers", "monitoring.blocker"],
            ["role", "role"],
            ["chainStatus", "audit.chainStatus"],
          ] as const
        ).map(async ([field, namespace]) => [field, (await getTranslations(namespace)) as unknown as Translate] as const),
      ),
    ),
    auditAction: actionLabels,
  };
  // The causes, organisation kinds and outcomes are data (lib/domain/causes.ts); events written
  // before the cause list carry the old "blockers" keys, whose labels stay in the catalog.
  const locale = await getLocale();
  const fromList = (list: readonly ListEntry[], fallback?: Translate): Translate =>
    Object.assign((v: string) => (list.some((e) => e.key === v) ? labelOf(list, v, locale) : fallback!(v)), {
      has: (v: string) => list.some((e) => e.key === v) || (fallback?.has(v) ?? false),
    });
  codes.causes = fromList(causes);
  codes.blockers = fromList(causes, codes.blockers);
  codes.organisationKinds = fromList(organisationKinds);
  codes.outcome = fromList(caseOutcomes);
  // A person's id in the changes reads as their name and role; an id the portal no longer knows stays as written.
  const people = trail?.people ?? {};
  const person: Translate = Object.assign(
    (id: string) => {
      const found = people[id]!;
      return found.role ? t("person", { name: found.name, role: tRole(found.role) }) : found.name;
    },
    { has: (id: string) => id in people },
  );
  for (const field of PERSON_FIELDS) codes[field] = person;
  const format = await getFormatter();
  const message = (field: string) => {
    const key = fieldErrors[field];
    if (!key) return undefined;
    return t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid");
  };
  const fieldIds: Record<string, string> = { who: "trail-who", role: "trail-role", action: "trail-action", from: "trail-from", to: "trail-to" };
  const errorList = Object.keys(fieldIds).flatMap((f) => (fieldErrors[f] ? [{ id: fieldIds[f]!, message: message(f)! }] : []));
  const actionOptions = auditActions
    .filter((a) => t.has(actionKey(a)))
    .map((a) => ({ value: a, label: t(actionKey(a)) }))
    .sort((a, b) => a.label.localeCompare(b.label, "nl"));
  const roleOptions = [...roles.map((r) => ({ value: r, label: tRole(r) })), { value: SYSTEM_ACTOR, label: t("system") }];
  const filtered = trail ? isTrailFiltered(trail.filter) : true;

  return (
    <div>
      <PageHeader title={t("title", { number })} intro={t("intro")} />
      <p className="mb-6">
        {/* Plain links: opening a case is audited, so it must never be prefetched. */}
        <a href={`/zaken/${number}`}>{t("backToCase")}</a>
      </p>

      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="verify-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="verify-heading" className="mb-2 text-lg font-bold">
            {t("verify.heading")}
          </h2>
          <p className="mb-3">{t("verify.intro")}</p>
          <VerifyChainForm caseNumber={number} action={verifyChainAction} />
        </section>
        <section aria-labelledby="export-heading" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="export-heading" className="mb-2 text-lg font-bold">
            {t("export.heading")}
          </h2>
          <p className="mb-3">{t("export.intro")}</p>
          <ul className="space-y-2">
            <li>
              <a href={`${basePath}/export?format=csv`} download className="font-semibold">
                {t("export.csv")}
              </a>
            </li>
            <li>
              <a href={`${basePath}/export?format=json`} download className="font-semibold">
                {t("export.json")}
              </a>
            </li>
          </ul>
        </section>
      </div>

      <div className="mb-8 rounded border border-slate-300 bg-white p-4">
        <h2 id="trail-filters-heading" className="mb-3 text-lg font-bold">
          {t("filters.heading")}
        </h2>
        <ErrorSummary title={t("errorsTitle")} errors={errorList} />
        <form method="get" action={basePath} role="search" aria-labelledby="trail-filters-heading" noValidate>
          <div className="grid gap-4 md:grid-cols-3">
            <FilterInput
              id={fieldIds.who!}
              name="who"
              type="search"
              label={t("filters.who")}
              hint={t("filters.whoHint")}
              value={values.who ?? ""}
              maxLength={TEXT_FILTER_MAX_LENGTH}
              error={message("who")}
            />
            <FilterSelect
              id={fieldIds.role!}
              name="role"
              label={t("filters.role")}
              anyLabel={t("filters.roleAny")}
              options={roleOptions}
              value={values.role ?? ""}
              error={message("role")}
            />
            <FilterSelect
              id={fieldIds.action!}
              name="action"
              label={t("filters.action")}
              anyLabel={t("filters.actionAny")}
              options={actionOptions}
              value={values.action ?? ""}
              error={message("action")}
            />
          </div>
          <fieldset className="mt-4">
            <legend className="font-semibold">{t("filters.period")}</legend>
            <div className="mt-1 grid gap-4 md:grid-cols-3">
              <FilterInput id={fieldIds.from!} name="from" type="date" label={t("filters.from")} hint={t("filters.dateHint")} value={values.from ?? ""} error={message("from")} />
              <FilterInput id={fieldIds.to!} name="to" type="date" label={t("filters.to")} hint={t("filters.dateHint")} value={values.to ?? ""} error={message("to")} />
            </div>
          </fieldset>
          <div className="mt-5 flex flex-wrap items-center gap-4">
            <button type="submit" className={submitClass}>
              {t("filters.submit")}
            </button>
            {filtered && <a href={href(emptyTrailFilter)}>{t("filters.clear")}</a>}
          </div>
        </form>
      </div>

      <h2 className="mb-2 text-xl font-bold">{t("caption")}</h2>
      {!trail ? (
        <p role="status" className="mb-3">
          {t("notRead")}
        </p>
      ) : (
        <>
          <p role="status" className="mb-3">
            {filtered ? t("countFiltered", { count: trail.total, all: trail.head.seq }) : t("count", { count: trail.total })}
          </p>
          {trail.events.length === 0 && trail.total > 0 && (
            <p className="mb-3">
              {t("emptyPage")} <a href={href({ ...trail.filter, after: null, before: null })}>{t("paging.first")}</a>
            </p>
          )}
          {trail.events.length > 0 && (
            // Focusable, so that keyboard users can scroll a wide trail sideways.
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption")}>
              <Table
                className="w-full border-collapse bg-white text-left text-sm"
                caption={t("caption")}
                columns={[
                  t("colSeq"),
                  t("colWhen"),
                  t("colAction"),
                  t("colOutcome"),
                  t("colActor"),
                  t("colRole"),
                  t("colOrganisation"),
                  t("colOnBehalfOf"),
                  t("colRequest"),
                  t("colChanges"),
                  t("colHash"),
                ]}
              >
                <tbody>
                  {trail.events.map((e) => {
                    const changes = describeChanges(e.changes, tt, codes);
                    return (
                      <tr key={e.id} className="border-b border-slate-300 align-top">
                        <td className="p-2">{e.seq}</td>
                        <td className="whitespace-nowrap p-2">
                          <time dateTime={e.occurredAt.toISOString()}>{format.dateTime(e.occurredAt, { dateStyle: "short", timeStyle: "medium" })}</time>
                        </td>
                        <td className="p-2">{t.has(actionKey(e.action)) ? t(actionKey(e.action)) : e.action}</td>
                        <td className="p-2">{t(`outcome.${e.outcome}`)}</td>
                        <td className="p-2">{e.actorName ?? t("system")}</td>
                        <td className="p-2">{e.actorRole ? tRole(e.actorRole) : "—"}</td>
                        <td className="p-2">{e.actorOrganisation ?? "—"}</td>
                        <td className="p-2">{e.onBehalfOf ?? "—"}</td>
                        <td className="p-2">
                          <dl className="min-w-48">
                            <dt className="font-semibold">{t("ip")}</dt>
                            <dd>{e.ip ?? "—"}</dd>
                            <dt className="font-semibold">{t("userAgent")}</dt>
                            <dd className="break-words">{e.userAgent ?? "—"}</dd>
                            <dt className="font-semibold">{t("requestId")}</dt>
                            <dd className="break-all">{e.requestId ?? "—"}</dd>
                          </dl>
                        </td>
                        <td className="p-2">
                          {changes.length === 0 ? (
                            t("noChanges")
                          ) : (
                            <ul className="min-w-48">
                              {changes.map((c) => (
                                <li key={c} className="break-words">
                                  {c}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className="p-2">
                          <dl>
                            <dt className="font-semibold">{t("prevHash")}</dt>
                            <dd>
                              <Hash value={e.prevHash} none={t("noPrevHash")} />
                            </dd>
                            <dt className="font-semibold">{t("hash")}</dt>
                            <dd>
                              <Hash value={e.hash} none="—" />
                            </dd>
                            <dt className="font-semibold">{t("hashVersion")}</dt>
                            <dd>{e.hashVersion}</dd>
                          </dl>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </div>
          )}
          {(trail.previousBefore || trail.nextAfter) && (
            <nav aria-label={t("paging.label")} className="mt-4">
              <ul className="flex flex-wrap gap-x-6 gap-y-2 font-semibold">
                {trail.previousBefore && (
                  <>
                    <li>
                      <a href={href({ ...trail.filter, after: null, before: null })}>« {t("paging.first")}</a>
                    </li>
                    <li>
                      <a href={href({ ...trail.filter, after: null, before: trail.previousBefore })} rel="prev">
                        ← {t("paging.previous")}
                      </a>
                    </li>
                  </>
                )}
                {trail.nextAfter && (
                  <>
                    <li>
                      <a href={href({ ...trail.filter, after: trail.nextAfter, before: null })} rel="next">
                        {t("paging.next")} →
                      </a>
                    </li>
                    <li>
                      <a href={href({ ...trail.filter, after: null, before: trail.head.seq + 1 })}>{t("paging.last")} »</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
