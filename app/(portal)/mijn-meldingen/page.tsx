import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { displayName } from "@/lib/domain/gemeente-name";
import { requirePermission } from "@/lib/auth/session";
import { listMyCases } from "@/lib/server/cases/follow-case";
import { Table } from "@/components/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("family"))("listTitle") };
}

export default async function MyCasesPage() {
  const actor = await requirePermission("case.follow", "/mijn-meldingen");
  const t = await getTranslations("family");
  const tInvite = await getTranslations("invitations");
  const format = await getFormatter();
  const cases = await listMyCases(actor);
  return (
    <div>
      <PageHeader title={t("listTitle")} intro={tInvite("list.intro")} />
      {cases.length === 0 ? (
        <p className="text-lg">{tInvite("list.empty")}</p>
      ) : (
        <Table
          caption={t("tableCaption")}
          columns={[t("colNumber"), t("colChild"), t("colGemeente"), t("colStatus"), tInvite("list.colInvolvement"), t("colFiled")]}
        >
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-slate-300">
                <td className="p-3">
                  {/* A plain link: opening a case is audited, so it must never be prefetched. */}
                  <a href={`/mijn-meldingen/${c.number}`}>{c.number}</a>
                </td>
                <td className="p-3">{c.childName}</td>
                <td className="p-3">{displayName(c.gemeente)}</td>
                <td className="p-3">
                  <StatusBadge status={c.status} audience="family" />
                </td>
                <td className="p-3">{c.involvement ? tInvite(`involvement.${c.involvement}`) : ""}</td>
                <td className="p-3">{format.dateTime(c.createdAt, { dateStyle: "long" })}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="mt-8">
        <Link href="/melden" className="font-semibold">
          {t("fileNew")}
        </Link>
      </p>
    </div>
  );
}
