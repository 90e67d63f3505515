import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { caseNumberPattern } from "@/lib/domain/case-number";
import { findOwnTransfer } from "@/lib/server/cases/transfer-case";

type Params = { params: Promise<{ number: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage"))("transferred.title") };
}

/**
 * The confirmation after a transfer. The case itself is now out of the
 * person's reach, so this page says where it went and that it will not open
 * for them any more. Only the person who made the transfer sees it.
 */
export default async function TransferredPage({ params }: Params) {
  const { number } = await params;
  const actor = await requirePermission("case.transfer", `/zaken/${number}/overgedragen`);
  if (!caseNumberPattern.test(number)) notFound();
  const transfer = await findOwnTransfer(actor, number);
  if (!transfer) notFound();
  const t = await getTranslations("triage.transferred");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} />
      <div role="status" className="rounded border-l-8 border-teal-800 bg-teal-50 p-4">
        <p className="font-semibold">{t("body", { number: transfer.number, gemeente: transfer.toGemeente })}</p>
        <p className="mt-2">{t("noAccess", { gemeente: transfer.toGemeente })}</p>
      </div>
      <p className="mt-6">
        <Link href="/werkbak">{t("back")}</Link>
      </p>
    </div>
  );
}
