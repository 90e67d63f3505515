import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

/**
 * The aanspreekpunt's queue (Den Haag, demo data from prisma/seed/demo.ts):
 * tabs, filters and search live in the URL, so a reload or a bookmark shows
 * the same view; another gemeente's child is never found. Other specs add
 * and move cases, so these checks name only what the demo seed guarantees.
 */

function tabs(page: Page) {
  return page.getByRole("navigation", { name: "Lijsten" });
}

function queueTable(page: Page) {
  return page.getByRole("table");
}

test("the aanspreekpunt works through the queue with tabs, filters and search", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/werkbak$/);
  await expect(page.getByRole("heading", { level: 1, name: "Werkbak" })).toBeVisible();
  await expect(tabs(page).getByRole("link", { name: /^Alle open meldingen/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("columnheader", { name: "Deadline" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Opgepakt door" })).toBeVisible();
  await expectAccessible(page);

  // A tab: only new cases, and the URL says so.
  await tabs(page).getByRole("link", { name: /^Nieuw/ }).click();
  await expect(page).toHaveURL(/\/werkbak\?tab=new$/);
  await expect(tabs(page).getByRole("link", { name: /^Nieuw/ })).toHaveAttribute("aria-current", "page");
  await expect(tabs(page).getByRole("link", { name: /^Alle open meldingen/ })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "Nieuw" })).toBeVisible();
  const newRows = queueTable(page).locator("tbody tr");
  for (const row of await newRows.all()) await expect(row).toContainText("Ontvangen");
  await expectAccessible(page);

  // Filters without JavaScript's help: a GET form whose result is a short URL.
  await tabs(page).getByRole("link", { name: /^Alle open meldingen/ }).click();
  await expect(page).toHaveURL(/\/werkbak$/);
  await page.getByRole("group", { name: "Urgentie" }).getByLabel("Hoog").check();
  await page.getByLabel("Alleen thuiszitters").check();
  await page.getByRole("button", { name: "Toon meldingen" }).click();
  await expect(page).toHaveURL(/\/werkbak\?urgency=HIGH&thuiszitter=1$/);
  await expect(queueTable(page)).toContainText("Milan Jacobs");
  for (const row of await queueTable(page).locator("tbody tr").all()) {
    await expect(row).toContainText("Thuiszitter");
    await expect(row).toContainText("Hoog");
  }
  const filteredText = await page.locator("main").innerText();
  await expectAccessible(page);

  // Reloading shows the same view, with the form still filled in.
  await page.reload();
  await expect(page).toHaveURL(/\/werkbak\?urgency=HIGH&thuiszitter=1$/);
  await expect(page.getByLabel("Alleen thuiszitters")).toBeChecked();
  await expect(page.getByRole("group", { name: "Urgentie" }).getByLabel("Hoog")).toBeChecked();
  expect(await page.locator("main").innerText()).toBe(filteredText);

  // Another tab keeps the filters.
  await tabs(page).getByRole("link", { name: /^Van mij/ }).click();
  await expect(page).toHaveURL(/\/werkbak\?tab=mine&urgency=HIGH&thuiszitter=1$/);
  await expect(page.getByLabel("Alleen thuiszitters")).toBeChecked();
  await expectAccessible(page);

  // Clearing the filters keeps the tab.
  await page.getByRole("link", { name: "Filters wissen" }).first().click();
  await expect(page).toHaveURL(/\/werkbak\?tab=mine$/);
  await expect(page.getByLabel("Alleen thuiszitters")).not.toBeChecked();

  // Search by part of a child's name, in any case.
  await tabs(page).getByRole("link", { name: /^Alle open meldingen/ }).click();
  await page.getByLabel("Zoek op meldingsnummer of naam van het kind").fill("mILAn");
  await page.getByRole("button", { name: "Toon meldingen" }).click();
  await expect(page).toHaveURL(/\/werkbak\?q=mILAn$/);
  const milan = queueTable(page).getByRole("row", { name: /Milan Jacobs/ });
  await expect(milan).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /melding(en)? gevonden/ })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel("Zoek op meldingsnummer of naam van het kind")).toHaveValue("mILAn");
  await expect(milan).toBeVisible();

  // Delft's child is never found from Den Haag.
  await page.getByLabel("Zoek op meldingsnummer of naam van het kind").fill("Sem Vermeer");
  await page.getByRole("button", { name: "Toon meldingen" }).click();
  await expect(page).toHaveURL(/\/werkbak\?q=Sem\+Vermeer$/);
  await expect(page.getByText("Er zijn geen meldingen die passen bij uw zoekopdracht of filters.")).toBeVisible();
  await expect(queueTable(page)).toHaveCount(0);
  await expectAccessible(page);

  // Open a case from the search result.
  await page.goto("/werkbak?q=milan");
  const number = (await milan.getByRole("link").first().innerText()).trim();
  expect(number).toMatch(/^DB-\d{4}-\d{6}$/);
  await milan.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expect(page.locator("main")).toContainText("Milan Jacobs");
  await expectAccessible(page);

  // The case number finds it too, also only its last digits.
  await page.goto(`/werkbak?q=${number.slice(-6)}`);
  await expect(queueTable(page).getByRole("link", { name: number })).toBeVisible();
});

test("a mistyped or outdated queue link shows the nearest view, not an error", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto("/werkbak?tab=gone&urgency=URGENT&urgency=CRISIS&cursor=not%20a%20cursor&sort=");
  await expect(page).toHaveURL(/\/werkbak\?urgency=CRISIS$/);
  await expect(tabs(page).getByRole("link", { name: /^Alle open meldingen/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("group", { name: "Urgentie" }).getByLabel(/^Crisis/)).toBeChecked();
  await expectAccessible(page);
});

test("the queue is usable on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto("/werkbak?tab=overdue");
  await expect(tabs(page).getByRole("link", { name: /^Over de termijn/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Zoek op meldingsnummer of naam van het kind")).toBeVisible();
  // The page itself never scrolls sideways; only the table does, inside its own focusable region.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("the expert team sees deadlines in its queue", async ({ page }) => {
  await signIn(page, "expert@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/expertteam$/);
  await expect(page.getByRole("columnheader", { name: "Deadline" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Vraag aan het expertteam" })).toBeVisible();
  await expectAccessible(page);
});
