import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { countUnread, receivesStaffNotifications } from "@/lib/server/notifications/staff-inbox";

export type NavItem = { href: string; label: string };

export function SiteHeader({
  nav,
  userName,
  otherLocale,
  signOutAction,
  signOutEverywhereAction,
  switchLanguageAction,
}: {
  nav: NavItem[];
  userName: string | null;
  otherLocale: string;
  signOutAction: () => Promise<void>;
  signOutEverywhereAction: () => Promise<void>;
  switchLanguageAction: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("app");
  const tDirectory = useTranslations("directory");
  const tFigures = useTranslations("figures");
  return (
    <header className="border-b-4 border-teal-800 bg-white">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-3">
        {/* Two rows, in reading order: the name and the person's own controls, then the pages. */}
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
          <Link href="/" className="text-2xl font-bold text-teal-900 no-underline">
            {t("name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <form action={switchLanguageAction}>
              <input type="hidden" name="locale" value={otherLocale} />
              <button type="submit" lang={otherLocale} aria-label={t("switchToLabel")} className="underline">
                {t("switchTo")}
              </button>
            </form>
            {userName ? (
              <>
                <span>{t("signedInAs", { name: userName })}</span>
                <form action={signOutAction}>
                  <button type="submit" className="rounded border-2 border-teal-800 px-3 py-1 font-semibold text-teal-900">
                    {t("signOut")}
                  </button>
                </form>
                <form action={signOutEverywhereAction}>
                  <button type="submit" className="underline">
                    {t("signOutEverywhere")}
                  </button>
                </form>
              </>
            ) : (
              <Link href="/inloggen" className="font-semibold">
                {t("signIn")}
              </Link>
            )}
          </div>
        </div>
        <nav aria-label={t("mainNav")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-semibold">
                  {item.label}
                </Link>
              </li>
            ))}
            <NotificationsNavItem />
            <li>
              <Link href="/gemeenten" className="font-semibold">
                {tDirectory("navLabel")}
              </Link>
            </li>
            <li>
              <Link href="/cijfers" className="font-semibold">
                {tFigures("openNav")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

/**
 * Staff see their unread count in every page's header. It reads the session
 * itself (getActor is cached per request, so this adds no query) and counts on
 * the (userId, readAt, createdAt) index: one small query per page. The root
 * layout renders it, so it is fresh on every full page load and after every
 * server action that refreshes the page.
 */
async function NotificationsNavItem() {
  const actor = await getActor();
  if (!actor || !receivesStaffNotifications(actor)) return null;
  const [unread, t] = await Promise.all([countUnread(actor), getTranslations("notifications")]);
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <li>
      <Link
        href="/notificaties"
        className="font-semibold"
        // The name starts with the visible text ("Notificaties 3"), as WCAG 2.5.3 asks.
        aria-label={unread > 0 ? t("navLabelUnread", { count: shown }) : undefined}
      >
        {t("navLabel")}
        {unread > 0 && (
          <>
            {" "}
            <span className="inline-block min-w-6 rounded-full bg-red-800 px-1.5 text-center text-sm font-bold text-white no-underline">
              {shown}
            </span>
          </>
        )}
      </Link>
    </li>
  );
}
