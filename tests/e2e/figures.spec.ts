import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectAccessible, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";

/**
 * The figures: an aanspreekpunt closes a case with its causes and outcome and
 * then sees it counted on the gemeente's monitoring page; the expert team sees
 * its region's gemeenten side by side; anyone reads the open figures of the
 * country and a region, with small numbers never shown. The demo seed gives
 * two years of history, so the counts are large enough to show.
 */

/** The current quarter as the figures name it, e.g. "K4 2026". */
function currentQuarter(): string {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()).split("-");
  return `K${Math.floor((Number(month) - 1) / 3) + 1} ${year}`;
}

/** One cell of a figures CSV: the row whose first column is `row`, in the column headed `column`. */
async function csvCell(page: Page, href: string, row: string, column: string): Promise<string> {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const records = parse(await response.text(), { columns: true, comment: "#", bom: true }) as Record<string, string>[];
  const first = Object.keys(records[0] ?? {})[0]!;
  return records.find((r) => r[first] === row)?.[column] ?? "";
}

test("an aanspreekpunt closes a case with its causes and outcome, and sees it counted in the gemeente's figures", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  const caseNumber = await fileForDenHaag(page, `Noor Cijfers ${Date.now().toString(36)}`, "Noor zit thuis. Niemand neemt de leiding.");
  await signOut(page);

  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto("/monitoring");
  await expect(page).toHaveURL(/\/monitoring\/gemeente\/GM0518$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cijfers van Den Haag" })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.getByRole("link", { name: "Download de cijfers (CSV)" }).first().getAttribute("href");
  expect(csv).toContain("tabel=cases");
  const before = Number(await csvCell(page, csv!, currentQuarter(), "Afgesloten"));
  expect(before, "the demo's history gives Den Haag enough closed cases this quarter to show the count").toBeGreaterThanOrEqual(5);

  await page.goto(`/zaken/${caseNumber}`);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await page.getByLabel("Wat gaat u doen?").fill("Ik bel school en zorgaanbieder en maak een afspraak.");
  await page.getByRole("button", { name: "Lokale doorbraak starten" }).click();
  await expect(page.getByRole("main").getByText("Gemeente zoekt een oplossing").first()).toBeVisible();

  const close = page.getByRole("region", { name: "Melding afsluiten" });
  await close.getByLabel("Opgelost: de hulp is geregeld").check();
  await close.getByLabel("Toelichting voor het gezin").fill("Noor kan weer naar school, met hulp in de klas.");
  await close.getByRole("group", { name: /Wat houdt de hulp tegen/ }).getByLabel("Niemand heeft de regie").check();
  await close.getByRole("group", { name: /Welke soorten organisaties/ }).getByLabel("Jeugdhulpaanbieder").check();
  await close.getByLabel("Afspraak op lokaal niveau").check();
  await close.getByLabel("Op welke dag begon de hulp echt?").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()));
  await close.getByLabel("Wat heeft de doorbraak gebracht?").fill("Een gesprek met school en aanbieder samen.");
  await close.getByLabel("Ik weet dat de melding hiermee wordt afgesloten.").check();
  await close.getByRole("button", { name: "Melding afsluiten" }).click();
  await expect(page.getByRole("main").getByText("Afgesloten").first()).toBeVisible();

  // The statistics job runs as soon as a case closes; the page shows what it published.
  // While the job works in the same process, a kept-alive connection can be reset: that
  // attempt counts as "not yet" (NaN), and the next one asks on a new connection.
  await expect
    .poll(async () => Number(await csvCell(page, csv!, currentQuarter(), "Afgesloten").catch(() => Number.NaN)), { timeout: 60_000 })
    .toBeGreaterThan(before);
  await page.goto("/monitoring/gemeente/GM0518");
  await page.getByRole("navigation", { name: "Onderdelen van de cijfers" }).getByRole("link", { name: "Oorzaken en uitkomsten" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Waarom zaken vastlopen" })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Oorzaken in Den Haag/ })).toContainText("Niemand heeft de regie");
  await signOut(page);
});

test("the expert team sees its region's gemeenten side by side, and no other gemeente's figures", async ({ page }) => {
  await signIn(page, "expert@demo.doorbraak.nl");
  await page.goto("/monitoring");
  await expect(page).toHaveURL(/\/monitoring\/regio\/JZ24$/);
  await expect(page.getByRole("heading", { level: 1, name: "Cijfers van Haaglanden" })).toBeVisible();
  await page.getByRole("navigation", { name: "Onderdelen van de cijfers" }).getByRole("link", { name: "Gemeenten naast elkaar" }).click();
  const perGemeente = page.getByRole("table", { name: "Ingediende meldingen per gemeente" });
  await expect(perGemeente.getByRole("rowheader", { name: "Delft" })).toBeVisible();
  await expect(perGemeente.getByRole("rowheader", { name: "Amsterdam" })).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.goto("/monitoring/gemeente/GM0518"))?.status()).toBe(404);
  expect((await page.goto("/monitoring/regio/JZ13"))?.status()).toBe(404);
  await signOut(page);
});

test("anyone reads the open figures of the country and of a region, with small numbers never shown exactly", async ({ page }) => {
  await page.goto("/cijfers");
  await expect(page.getByRole("heading", { level: 1, name: "Open cijfers over vastgelopen jeugdhulp" })).toBeVisible();
  await expect(page.getByText(/Creative Commons Naamsvermelding 4.0/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Onderdelen van de cijfers" }).getByRole("link", { name: "Jeugdregio's naast elkaar" }).click();
  const perRegion = page.getByRole("table", { name: "Ingediende meldingen per jeugdregio" });
  await expect(perRegion.getByRole("rowheader", { name: "Haaglanden" })).toBeVisible();

  await page.getByRole("link", { name: "Haaglanden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open cijfers van jeugdregio Haaglanden" })).toBeVisible();
  // The open figures of a region do not list its gemeenten.
  await expect(page.getByRole("table", { name: "Ingediende meldingen per gemeente" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Gemeenten naast elkaar" })).toHaveCount(0);
  await expectAccessible(page);

  const causes = await page.getByRole("link", { name: "Download de cijfers (CSV)" }).nth(0).getAttribute("href");
  const response = await page.request.get(causes!);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const text = await response.text();
  // Every count is 0, at least 5, or a mark: never 1 to 4.
  const records = parse(text, { comment: "#", bom: true, from_line: 2 }) as string[][];
  for (const value of records.flat()) if (/^\d+$/.test(value)) expect(Number(value) === 0 || Number(value) >= 5).toBe(true);
});

/** The last quarter that has ended, as the reports name it, e.g. "3e kwartaal 2026", and its key "2026-K3". */
function lastEndedQuarter(): { name: string; key: string } {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()).split("-").map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3) + 1;
  const [y, q] = current === 1 ? [year - 1, 4] : [year, current - 1];
  return { name: `${q}e kwartaal ${y}`, key: `${y}-K${q}` };
}

test("an aanspreekpunt downloads the gemeente's quarterly report as a PDF and a CSV, and not the region's", async ({ page }) => {
  const quarter = lastEndedQuarter();
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto("/monitoring/gemeente/GM0518");
  const reports = page.getByRole("region", { name: "Kwartaalrapportages" });
  await expect(reports).toBeVisible();
  await expectAccessible(page);

  const pdfLink = reports.getByRole("link", { name: new RegExp(`^PDF van het ${quarter.name} \\(\\d+ kB\\)$`) });
  const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
  expect(download.suggestedFilename()).toBe(`doorbraak-kwartaalrapportage-den-haag-${quarter.key.toLowerCase()}.pdf`);
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const csv = await page.request.get((await reports.getByRole("link", { name: new RegExp(`^CSV van het ${quarter.name}`) }).getAttribute("href"))!);
  const records = parse(await csv.text(), { columns: true, comment: "#", bom: true }) as Record<string, string>[];
  expect(records.length).toBeGreaterThan(10);
  for (const r of records) if (r.Eenheid === "aantal" && /^\d+$/.test(r.Waarde!)) expect(Number(r.Waarde) === 0 || Number(r.Waarde) >= 5).toBe(true);

  // The region's report exists (the expert team downloads it), but it is not the aanspreekpunt's.
  const region = await page.request.get(`/monitoring/rapport?niveau=regio&code=JZ24&kwartaal=${quarter.key}&vorm=pdf`);
  expect(region.status()).toBe(404);
  await signOut(page);
  await signIn(page, "expert@demo.doorbraak.nl");
  expect((await page.request.get(`/monitoring/rapport?niveau=regio&code=JZ24&kwartaal=${quarter.key}&vorm=pdf`)).status()).toBe(200);
  await signOut(page);
});
