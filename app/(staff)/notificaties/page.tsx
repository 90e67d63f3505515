import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { staffNotificationKinds } from "@/lib/server/notifications/staff";
import {
  countUnread,
  listMyNotifications,
  receivesStaffNotifications,
  type MyNotification,
} from "@/lib/server/notifications/staff-inbox";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

const buttonClass = "rounded border-2 border-teal-800 bg-white px-3 py-1 font-semibold text-teal-900";

function isKnownKind(kind: string): kind is (typeof staffNotificationKinds)[number] {
  return (staffNotificationKinds as readonly string[]).includes(kind);
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ na?: string | string[] }> }) {
  const actor = await requireActor("/notificaties");
  if (!receivesStaffNotifications(actor)) notFound();
  const after = (await searchParams).na;
  const cursor = typeof after === "string" ? after : undefined;
  const [page, unread] = await Promise.all([listMyNotifications(actor, { cursor }), countUnread(actor)]);
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  // A role that cannot open cases (a gemeente admin told about an escalation) gets the number without a dead link.
  const canOpenCases = may(actorRoles(actor), "case.view");

  function sentence(n: MyNotification): string {
    const number = n.caseNumber ?? t("unknownCase");
    return isKnownKind(n.kind) ? t(`kind.${n.kind}`, { number }) : t("kind.other", { number });
  }

  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <p className="font-semibold">{t("unreadSummary", { count: unread })}</p>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button type="submit" className={buttonClass}>
              {t("markAllRead")}
            </button>
          </form>
        )}
      </div>

      {page.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="space-y-3">
          {page.items.map((n) => {
            const isUnread = n.readAt === null;
            const textId = `notificatie-${n.id}`;
            return (
              <li
                key={n.id}
                className={`rounded border border-l-8 p-4 ${isUnread ? "border-teal-800 bg-teal-50" : "border-slate-300 bg-white"}`}
              >
                <p id={textId} className={isUnread ? "font-bold" : undefined}>
                  {isUnread && (
                    <span className="mr-2 inline-block rounded bg-teal-800 px-2 py-0.5 text-sm font-semibold text-white">
                      {t("unread")}
                    </span>
                  )}
                  {sentence(n)}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  <time dateTime={n.createdAt.toISOString()}>
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </p>
                <div className="mt-3 flex flex-wrap items-center gap-4">
                  {n.caseNumber && canOpenCases && (
                    // A form, not a link: it marks the notification read before the case
                    // opens, so the unread count in the site header is right on arrival.
                    <form action={openNotificationAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="font-semibold text-teal-900 underline focus:outline-none focus:ring-4 focus:ring-amber-400">
                        {t("openCase", { number: n.caseNumber })}
                      </button>
                    </form>
                  )}
                  {n.kind === "structuralSignal" && (
                    <Link href="/monitoring?deel=signalen" className="font-semibold">
                      {t("openSignals")}
                    </Link>
                  )}
                  {isUnread && (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" aria-describedby={textId} className={buttonClass}>
                        {t("markRead")}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {(cursor || page.nextCursor) && (
        <nav aria-label={t("pagingLabel")} className="mt-6">
          <ul className="flex flex-wrap gap-6">
            {cursor && (
              <li>
                <Link href="/notificaties" className="font-semibold">
                  {t("newest")}
                </Link>
              </li>
            )}
            {page.nextCursor && (
              <li>
                <Link href={`/notificaties?na=${encodeURIComponent(page.nextCursor)}`} className="font-semibold">
                  {t("older")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
