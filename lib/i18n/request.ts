import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, type Locale } from "./locales";

async function loadMessages(locale: Locale) {
  // One catalog file per part of the product, so that each part's texts stay together.
  const [common, family, staff, admin] = await Promise.all([
    import(`./messages/${locale}/common.json`),
    import(`./messages/${locale}/family.json`),
    import(`./messages/${locale}/staff.json`),
    import(`./messages/${locale}/admin.json`),
  ]);
  return { ...common.default, ...family.default, ...staff.default, ...admin.default };
}

/** Dutch, unless the person chose English with the language switch (a cookie). */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get("locale")?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, timeZone: "Europe/Amsterdam", messages: await loadMessages(locale) };
});
