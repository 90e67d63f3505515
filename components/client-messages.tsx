import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** What every page's client components use: field errors and form texts. */
const everywhere = ["errors", "form"] as const;

/**
 * Hands the client components below it only the parts of the message catalog
 * they use. The whole catalog is about 70 kB and was sent with every page, for
 * forms that need a few of its sections.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: ReactNode }) {
  const all = await getMessages();
  const wanted = new Set([...everywhere, ...namespaces]);
  const messages = Object.fromEntries(Object.entries(all).filter(([namespace]) => wanted.has(namespace)));
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
