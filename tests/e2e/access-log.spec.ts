import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

/**
 * "Wie heeft mijn dossier bekeken?": the family sees that the aanspreekpunt
 * opened their case, with role, organisation and time, and without the staff
 * member's name (the demo gemeente does not show names). Uses the demo seed's
 * decided case of Noah de Vries, which other specs only read: opening it as
 * staff adds one read to its trail and changes nothing else.
 */
test("the family sees that the aanspreekpunt opened their case", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/werkbak?q=${encodeURIComponent("Noah de Vries")}`);
  await expectAccessible(page);
  await page.getByRole("row", { name: /Noah de Vries/ }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const number = new URL(page.url()).pathname.split("/").pop()!;
  expect(number).toMatch(/^DB-\d{4}-\d{6}$/);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto("/mijn-meldingen");
  await expectAccessible(page);
  await page.getByRole("link", { name: number, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();

  const log = page.getByRole("region", { name: "Wie heeft mijn dossier bekeken?" });
  await expect(log).toBeVisible();
  // The log is folded until the reader opens it.
  await expect(log.locator("details")).not.toHaveAttribute("open");
  await log.getByRole("heading", { name: "Wie heeft mijn dossier bekeken?" }).click();
  await expect(log).toContainText("De gemeente Den Haag laat geen namen van medewerkers zien.");
  // Newest first: the parent's own reads (the list and this page) a moment ago, then the aanspreekpunt's.
  await expect(log.getByRole("listitem").first()).toContainText("U heeft uw melding bekeken.");
  const staffRead = log.getByRole("listitem").filter({ hasText: "Het aanspreekpunt van de gemeente Den Haag heeft uw melding bekeken." }).first();
  await expect(staffRead).toBeVisible();
  await expect(staffRead.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  // The name of the aanspreekpunt stays hidden.
  await expect(log).not.toContainText("Mirjam Jansen");
  await expectAccessible(page);
  await signOut(page);
});
