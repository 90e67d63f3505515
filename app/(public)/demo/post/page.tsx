import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { MailText } from "@/components/mail-text";
import { PageHeader } from "@/components/page-header";
import { linkParts } from "@/lib/domain/demo-mail";
import { readDemoMailbox } from "@/lib/server/demo-mailbox/read-mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("demoMailbox");
  return { title: t("title"), robots: { index: false } };
}

/** The mails the demo would have sent. Only in the demo (DEMO_MAILBOX_DIR); elsewhere this page does not exist. */
export default async function DemoMailboxPage() {
  const mails = await readDemoMailbox();
  if (mails === null) notFound();
  const t = await getTranslations("demoMailbox");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")}>
        <div className="mt-4 max-w-prose rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-slate-900">
          <p className="font-semibold">{t("onlyInDemo")}</p>
          <p className="mt-1">{t("explanation")}</p>
        </div>
      </PageHeader>
      <p>{t("count", { count: mails.length })}</p>
      {mails.length === 0 ? (
        <p className="max-w-prose">{t("empty")}</p>
      ) : (
        <ol className="space-y-6">
          {mails.map((mail) => (
            <li key={mail.id}>
              <article aria-labelledby={`mail-${mail.id}`} className="rounded border border-slate-300 bg-white p-4 shadow-sm">
                <h2 id={`mail-${mail.id}`} className="text-xl font-semibold text-slate-950">
                  {mail.subject}
                </h2>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                  <dt className="font-semibold">{t("to")}</dt>
                  <dd className="break-all">{mail.to}</dd>
                  <dt className="font-semibold">{t("sentAt")}</dt>
                  <dd>
                    <time dateTime={mail.sentAt}>{format.dateTime(new Date(mail.sentAt), { dateStyle: "long", timeStyle: "medium" })}</time>
                  </dd>
                </dl>
                <div className="mt-3">
                  <MailText parts={linkParts(mail.text, mail.baseUrl)} label={t("text")} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
