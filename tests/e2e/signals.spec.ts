import { expect, test } from "@playwright/test";
import { expectAccessible, inTestDatabase, signIn, signOut } from "./fixtures";
import { dayFromNow } from "../support/days";

/**
 * Structural signals: the region's coordinator of Haaglanden finds a signal on
 * the region's monitoring page and records that it was raised at the regional
 * table. The signal is one the statistics job would have found, in a quarter
 * before the demo's history, so that no other test and no run of the job
 * touches it.
 */

const QUARTER = "2023-K4";

async function freshSignal(): Promise<void> {
  await inTestDatabase(async (client) => {
    await client.query(
      `INSERT INTO "StructuralSignal" (id, "regionId", quarter, dimension, key, cases, "detectedAt", "countedAt")
       SELECT 'e2e-signal-woonplaats', id, $1, 'CAUSE', 'WOONPLAATSBEGINSEL', 6, now(), now() FROM "Region" WHERE code = 'JZ24'
       ON CONFLICT ("regionId", quarter, dimension, key)
       DO UPDATE SET status = 'OPEN', note = NULL, "actedOn" = NULL, "markedById" = NULL, "markedByName" = NULL, "markedAt" = NULL`,
      [QUARTER],
    );
  });
}

test("the region's coordinator records that a structural signal was raised at the regional table", async ({ page }) => {
  await freshSignal();
  await signIn(page, "regiocoordinator@demo.doorbraak.nl");
  await page.goto("/monitoring");
  await expect(page).toHaveURL(/\/monitoring\/regio\/JZ24$/);
  await page.getByRole("navigation", { name: "Onderdelen van de cijfers" }).getByRole("link", { name: "Signalen" }).click();
  const signals = page.getByRole("region", { name: "Structurele signalen in Haaglanden" });
  await expect(signals).toBeVisible();
  // Earlier quarters are folded; their summary says how many wait to be recorded.
  await signals.getByText("4e kwartaal 2023: 1 signaal, 1 nog niet vastgelegd").click();
  const quarter = signals.getByRole("table", { name: "4e kwartaal 2023" });
  const row = quarter.getByRole("row", { name: /Welke gemeente is verantwoordelijk/ });
  await expect(row).toContainText("6");
  await expect(row).toContainText("Nieuw");
  await expectAccessible(page);

  await row.getByRole("link", { name: "Vastleggen voor Welke gemeente is verantwoordelijk, 4e kwartaal 2023" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vastleggen wat er met een signaal is gedaan" })).toBeVisible();
  await expectAccessible(page);

  // Sent without a choice: the message is next to the field, and what was typed stays.
  const note = "Besproken in het regionaal overleg. De twee gemeenten maken een vaste afspraak over wie betaalt.";
  await page.getByLabel("Wat is er afgesproken of gedaan?").fill(note);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Niet alles is goed ingevuld");
  await expect(page.getByRole("group", { name: /Wat is er met het signaal gedaan/ })).toContainText("Kies wat er met het signaal is gedaan.");
  await expect(page.getByLabel("Wat is er afgesproken of gedaan?")).toHaveValue(note);
  await expectAccessible(page);

  await page.getByRole("radio", { name: /^Besproken aan de regionale tafel/ }).check();
  await page.getByLabel("Op welke dag?").fill(dayFromNow());
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Opgeslagen");
  await page.getByRole("link", { name: "Terug naar de signalen" }).click();

  await page.getByText("4e kwartaal 2023: 1 signaal, alle vastgelegd").click();
  const marked = page.getByRole("table", { name: "4e kwartaal 2023" }).getByRole("row", { name: /Welke gemeente is verantwoordelijk/ });
  await expect(marked).toContainText("Besproken aan de regionale tafel");
  await expect(marked).toContainText(note);
  await expect(marked).toContainText("vastgelegd door Hanna Kuipers");
  await expectAccessible(page);
  await signOut(page);
});
