import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

/**
 * The ombudsman's national, read-only view: find a case with the filters,
 * open it and its audit trail, filter the trail, check the chain with one
 * click and download the trail. Uses the demo seed's case in Delft (region
 * Haaglanden). Other specs add Delft cases or withdraw this one, so nothing
 * here depends on how many there are or which step they are in.
 */

const nextYear = new Date().getFullYear() + 1;

test("the ombudsman finds a case, reads and filters its trail, checks the chain and downloads it", async ({ page }) => {
  await signIn(page, "ombudsman@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/ombudsman$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ombudsman" })).toBeVisible();
  await expectAccessible(page);

  // An end before the start is an error next to the field, and nothing is searched.
  await page.getByLabel("Gemeld vanaf", { exact: true }).fill("2026-03-10");
  await page.getByLabel("Gemeld tot en met", { exact: true }).fill("2026-03-01");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  const to = page.getByLabel("Gemeld tot en met", { exact: true });
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#search-to-error")).toHaveText("Deze datum ligt voor 'Gemeld vanaf'. Kies een latere datum.");
  await expect(page.getByRole("status").filter({ hasText: "Er is nog niet gezocht." })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Delft" });
  await page.getByLabel("Jeugdregio", { exact: true }).selectOption({ label: "Haaglanden" });
  await page.getByLabel("Gemeld vanaf", { exact: true }).fill("2020-01-01");
  await to.fill(`${nextYear}-12-31`);
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/ombudsman\\?gemeente=GM0503&region=JZ24&from=2020-01-01&to=${nextYear}-12-31$`));
  const found = page.getByRole("status").filter({ hasText: "gevonden." });
  await expect(found).toHaveText(/^\d+ melding(en)? gevonden\.$/);
  const rows = page.getByRole("table", { name: "Zoekresultaten" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText("Delft");
    await expect(row).toContainText("Haaglanden");
  }
  // The filters stay in the form.
  await expect(page.getByLabel("Gemeente", { exact: true })).toHaveValue("GM0503");
  await expectAccessible(page);

  // Any of them will do; the oldest is the demo seed's case.
  const number = (await rows.last().locator("td").first().innerText()).trim();
  expect(number).toMatch(/^DB-\d{4}-\d{6}$/);
  await rows.last().getByRole("link", { name: number, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Bekijk de audittrail" }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${number}/audit$`));
  await expect(page.getByRole("heading", { level: 1, name: `Audittrail ${number}` })).toBeVisible();
  const events = page.getByRole("table", { name: "Gebeurtenissen, oudste eerst" }).locator("tbody tr");
  await expect(events.first()).toContainText("Melding gedaan");
  await expect(events.filter({ hasText: "Melding bekeken" }).filter({ hasText: "Johan de Wit" }).first()).toBeVisible();
  // This reading is the last event, with where it came from and its place in the chain.
  await expect(events.last()).toContainText("Audittrail bekeken");
  await expect(events.last()).toContainText("Johan de Wit");
  await expect(events.last()).toContainText("Kinderombudsman");
  await expect(events.last().locator("code[title]").last()).toHaveAttribute("title", /^[0-9a-f]{64}$/);
  await expectAccessible(page);

  // Only the filing, then only the ombudsman's own events.
  await page.getByLabel("Actie", { exact: true }).selectOption({ label: "Melding gedaan" });
  await page.getByRole("button", { name: "Filters toepassen" }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${number}/audit\\?action=case\\.file$`));
  await expect(page.getByRole("status").filter({ hasText: "1 gebeurtenis gevonden met deze filters." })).toBeVisible();
  await expect(events).toHaveCount(1);
  await expect(events.first()).toContainText("Melding gedaan");
  await expectAccessible(page);

  await page.getByLabel("Actie", { exact: true }).selectOption({ label: "Alle acties" });
  await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Ombudsman" });
  await page.getByRole("button", { name: "Filters toepassen" }).click();
  await expect(page).toHaveURL(new RegExp(`/zaken/${number}/audit\\?role=OMBUDSMAN$`));
  await expect(events.first()).toBeVisible();
  for (const row of await events.all()) await expect(row).toContainText("Johan de Wit");
  await expectAccessible(page);

  // One click (here: the keyboard) checks the whole chain.
  await page.getByRole("button", { name: "Controleer de keten" }).focus();
  await page.keyboard.press("Enter");
  const outcome = page.getByRole("status").filter({ hasText: "De keten is heel" });
  await expect(outcome).toContainText(/De keten is heel: \d+ gebeurtenissen gecontroleerd\./);
  await expectAccessible(page);

  // The CSV download: a file named after the case, starting with its column names.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download als CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^audittrail-${number}-\\d{8}-\\d{6}\\.csv$`));
  const csv = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\n")[0]).toBe(
    '"id","chain","seq","occurredAt","action","outcome","actorId","actorName","actorRole","actorOrganisation","onBehalfOf","gemeenteId","caseId","caseNumber","changes","ip","userAgent","requestId","prevHash","hashVersion","hash","headSeq","headHash"',
  );
  expect(csv).toContain('"audit.export"');
  await signOut(page);
});
