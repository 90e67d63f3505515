import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { REDACTED } from "@/lib/domain/audit";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { orNotFound } from "../load";
import { Table } from "@/components/table";

type Params = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
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

export default async function AuditTrailPage({ params }: Params) {
  const { number } = await params;
  const actor = await requirePermission("audit.read", `/zaken/${number}/audit`);
  const trail = await orNotFound(number, () => readAuditTrail(actor, number));
  const t = await getTranslations("audit");
  const tRole = await getTranslations("role");
  const codes = Object.fromEntries(
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
        ] as const
      ).map(async ([field, namespace]) => [field, (await getTranslations(namespace)) as unknown as Translate] as const),
    ),
  );
  const format = await getFormatter();
  return (
    <div>
      <PageHeader title={t("title", { number })} intro={t("intro")} />
      <p className="mb-6">
        <Link href={`/zaken/${number}`}>{t("backToCase")}</Link>
      </p>
      {/* Focusable, so that keyboard users can scroll a wide trail sideways. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption")}>
        <Table className="w-full border-collapse bg-white text-left text-sm" caption={t("caption")} columns={[t("colSeq"), t("colWhen"), t("colAction"), t("colOutcome"), t("colActor"), t("colRole"), t("colChanges"), t("colHash")]}>
          <tbody>
            {trail.events.map((e) => {
              const actionKey = `action.${e.action.replace(".", "_")}`;
              const changes = describeChanges(e.changes, t as unknown as Translate, codes);
              return (
                <tr key={e.id} className="border-b border-slate-300 align-top">
                  <td className="p-2">{e.seq}</td>
                  <td className="p-2 whitespace-nowrap">
                    <time dateTime={e.occurredAt.toISOString()}>
                      {format.dateTime(e.occurredAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="p-2">{t.has(actionKey) ? t(actionKey) : e.action}</td>
                  <td className="p-2">{t(`outcome.${e.outcome}`)}</td>
                  <td className="p-2">
                    {e.actorName ?? t("system")}
                    {e.actorOrganisation && <span className="block text-slate-700">{e.actorOrganisation}</span>}
                  </td>
                  <td className="p-2">{e.actorRole ? tRole(e.actorRole) : "—"}</td>
                  <td className="p-2">
                    {changes.length === 0 ? (
                      t("noChanges")
                    ) : (
                      <ul>
                        {changes.map((c) => (
                          <li key={c} className="break-words">{c}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="p-2 font-mono">{e.hash.slice(0, 12)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
