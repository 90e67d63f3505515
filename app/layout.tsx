import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";
import { SiteHeader, type NavItem } from "@/components/site-header";
import { actorRoles } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";
import { signOutAction, signOutEverywhereAction, switchLanguageAction } from "./shell-actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Doorbraak", template: "%s · Doorbraak" },
  description: "Doorbraak helpt als hulp voor een kind vastloopt.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const actor = await getActor();
  const roles = actor ? actorRoles(actor) : [];
  const nav: NavItem[] = [];
  if (may(roles, "case.follow")) nav.push({ href: "/mijn-meldingen", label: t("myCases") });
  if (may(roles, "case.file")) nav.push({ href: "/melden", label: t("file") });
  if (may(roles, "queue.gemeente")) nav.push({ href: "/werkbak", label: t("queue") });
  if (may(roles, "queue.region")) nav.push({ href: "/expertteam", label: t("regionQueue") });
  if (may(roles, "case.search")) nav.push({ href: "/ombudsman", label: t("ombudsman") });
  if (may(roles, "statistics.read")) nav.push({ href: "/monitoring", label: t("figures") });
  if (may(roles, "gemeente.manage") || may(roles, "platform.manage") || may(roles, "region.manageStaff")) nav.push({ href: "/beheer", label: t("admin") });

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#inhoud"
          className="sr-only bg-amber-300 p-3 font-semibold text-slate-950 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          {tApp("skipToContent")}
        </a>
        <ClientMessages>
          <SiteHeader
            nav={nav}
            userName={actor?.name ?? null}
            otherLocale={locale === "nl" ? "en" : "nl"}
            signOutAction={signOutAction}
            signOutEverywhereAction={signOutEverywhereAction}
            switchLanguageAction={switchLanguageAction}
          />
          <main id="inhoud" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-slate-300 bg-white">
            <p className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-700">{tApp("footer")}</p>
          </footer>
        </ClientMessages>
      </body>
    </html>
  );
}
