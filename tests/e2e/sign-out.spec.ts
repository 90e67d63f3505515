import { expect, test, type Browser, type Cookie } from "@playwright/test";
import { createParent, signIn, signOut } from "./fixtures";

/** A second browser that holds a copy of the cookies: what someone who copied them would have. */
async function withCopiedCookies(browser: Browser, cookies: Cookie[]) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context.newPage();
}

for (const [who, email, path] of [
  ["a parent", null, "/mijn-meldingen"],
  ["an aanspreekpunt", "aanspreekpunt@demo.doorbraak.nl", "/werkbak"],
] as const) {
  test(`after ${who} signs out, a copy of the old cookie opens nothing`, async ({ page, browser }) => {
    const address = email ?? (await createParent()).email;
    await signIn(page, address);
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("authjs.session-token"))).toBe(true);

    // The copy works while the session lasts: the refusal below is the sign-out's doing.
    const copy = await withCopiedCookies(browser, cookies);
    await copy.goto(path);
    await expect(copy).toHaveURL(new RegExp(`${path}$`));

    await signOut(page);

    await copy.context().clearCookies();
    await copy.context().addCookies(cookies);
    await copy.goto(path);
    await expect(copy).toHaveURL(new RegExp(`/inloggen\\?terug=${encodeURIComponent(path)}$`));
    await copy.context().close();
  });
}

test("signing out on all devices ends the sessions in other browsers too", async ({ page, browser }) => {
  const parent = await createParent();
  await signIn(page, parent.email);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, parent.email);

  await page.getByRole("button", { name: "Uitloggen op alle apparaten" }).click();
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();

  await other.goto("/mijn-meldingen");
  await expect(other).toHaveURL(/\/inloggen\?terug=%2Fmijn-meldingen$/);
  await other.context().close();
});
