import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status-badge";
import type { CaseStatus } from "@/lib/domain/case-machine";

export type PurgedCaseView = {
  number: string;
  status: CaseStatus;
  result: string | null;
  urgency: string;
  domains: string[];
  createdAt: Date;
  closedAt: Date | null;
  gemeente: string;
  region: string | null;
  purgedAt: Date;
  retentionMonths: number;
  canReadAudit: boolean;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-2 last:border-b-0 sm:grid-cols-3">
      <dt className="font-semibold">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

/**
 * A case whose content the retention job removed (decision 014): only its
 * tombstone, no actions. The audit trail stays, for whoever may read it.
 */
export function PurgedCase({ view }: { view: PurgedCaseView }) {
  const t = useTranslations("retention");
  const tWorkspace = useTranslations("workspace");
  const tResult = useTranslations("caseResult");
  const tUrgency = useTranslations("urgency");
  const tDomain = useTranslations("domain");
  const format = useFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{tWorkspace("title", { number: view.number })}</h1>
        <p className="mt-2">
          <StatusBadge status={view.status} audience="staff" />
        </p>
        {view.canReadAudit && (
          <p className="mt-3">
            <Link href={`/zaken/${view.number}/audit`}>{tWorkspace("auditLink")}</Link>
          </p>
        )}
      </div>
      <section aria-labelledby="purged-title" className="rounded border-l-8 border-slate-600 bg-white p-5">
        <h2 id="purged-title" className="text-2xl font-bold">{t("title")}</h2>
        <p className="mt-3 text-lg">{t("purged", { date: day(view.purgedAt), months: view.retentionMonths })}</p>
        <p className="mt-2">{t("noActions")}</p>
      </section>
      <section aria-labelledby="kept-title">
        <h2 id="kept-title" className="text-2xl font-bold">{t("keptTitle")}</h2>
        <dl className="mt-3 rounded border border-slate-300 bg-white px-4">
          <Fact label={t("gemeente")}>{view.gemeente}</Fact>
          <Fact label={t("region")}>{view.region ?? "—"}</Fact>
          <Fact label={t("filedOn")}>{day(view.createdAt)}</Fact>
          <Fact label={t("closedOn")}>{view.closedAt ? day(view.closedAt) : "—"}</Fact>
          <Fact label={t("result")}>{view.result && tResult.has(view.result) ? tResult(view.result) : "—"}</Fact>
          <Fact label={t("urgency")}>{tUrgency.has(view.urgency) ? tUrgency(view.urgency) : view.urgency}</Fact>
          <Fact label={t("domains")}>{view.domains.map((d) => (tDomain.has(d) ? tDomain(d) : d)).join(", ") || "—"}</Fact>
        </dl>
      </section>
    </div>
  );
}
