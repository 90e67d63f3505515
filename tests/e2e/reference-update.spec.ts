import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createParent, expectAccessible, inTestDatabase, signIn, signOut } from "./fixtures";
import { completeFiling, expectStep } from "./filing";

/**
 * The yearly CBS list, as a platform admin applies it: two gemeenten merge into a new
 * one (Stadskanaal and Veendam, which no other spec uses), the preview shows the merger
 * with the open case that will move, applying it moves that case, and its family sees
 * on their page that the case goes on at the new gemeente.
 */

const NEW_CODE = "GM1990";
const NEW_NAME = "Veenkoloniën";

/** Today's list of the test database, with the two gemeenten merged into a new one. */
async function listWithMerger(): Promise<string> {
  const rows = await inTestDatabase(async (client) =>
    (
      await client.query<{ code: string; name: string; region: string; regionName: string }>(
        `SELECT g."cbsCode" AS code, g.name, r.code AS region, r.name AS "regionName"
         FROM "Gemeente" g JOIN "Region" r ON r.id = g."regionId" WHERE g."endedOn" IS NULL ORDER BY g."cbsCode"`,
      )
    ).rows,
  );
  const merged = rows.filter((r) => r.code === "GM0037" || r.code === "GM0047");
  expect(merged).toHaveLength(2);
  const quote = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = rows
    .filter((r) => !merged.includes(r))
    .map((r) => [r.code, r.name, r.region, r.regionName, ""].map(quote).join(","));
  lines.push([NEW_CODE, NEW_NAME, merged[0]!.region, merged[0]!.regionName, "GM0037;GM0047"].map(quote).join(","));
  const dir = await mkdtemp(path.join(tmpdir(), "cbs-"));
  const file = path.join(dir, "gemeenten-2027.csv");
  await writeFile(file, ["gemeente_code,gemeente_naam,jeugdregio_code,jeugdregio_naam,voorgangers", ...lines].join("\n") + "\n");
  return file;
}

test("a platform admin previews and applies a merger, and the open case goes on at the new gemeente", async ({ page }) => {
  // A family files for Veendam, which does not work with the portal: the case waits.
  const parent = await createParent();
  await signIn(page, parent.email);
  await page.goto("/melden");
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await page.getByLabel("Zoek een gemeente in de lijst").fill("veendam");
  await page.getByLabel("In welke gemeente woont het kind?").selectOption({ label: "Veendam" });
  const number = await completeFiling(page, "Ties Veendam");
  await signOut(page);

  await signIn(page, "beheer@demo.doorbraak.nl");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Lijst van gemeenten en jeugdregio's bijwerken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lijst van gemeenten en jeugdregio's bijwerken" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Bestand met de nieuwe lijst").setInputFiles(await listWithMerger());
  await page.getByLabel("Geldig vanaf").fill("2027-01-01");
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  const mergers = page.getByRole("table", { name: "Gemeenten die samengaan, met de open meldingen en medewerkers die meegaan" });
  await expect(mergers).toBeVisible();
  const row = mergers.getByRole("row").filter({ hasText: NEW_NAME });
  await expect(row).toContainText("Stadskanaal");
  await expect(row).toContainText("Veendam");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(page.getByText("340 gemeenten blijven hetzelfde.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Ja, voer deze wijzigingen door" }).click();
  await expect(page.getByRole("heading", { name: "De nieuwe lijst is doorgevoerd" })).toBeVisible();
  await expect(page.locator("main")).toContainText("1 open melding is verplaatst.");
  await expectAccessible(page);

  // The coverage view counts the case at the new gemeente; the old ones are gone.
  await page.goto("/beheer/dekking");
  await page
    .getByRole("table", { name: "Jeugdregio's: expertteam, gemeenten die meedoen en meldingen" })
    .getByRole("link", { name: "Groningen", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Gemeenten in de regio Groningen" })).toBeVisible();
  await expectAccessible(page);
  const newRow = page.getByRole("row").filter({ hasText: `${NEW_NAME} (${NEW_CODE})` });
  await expect(newRow.getByRole("cell").nth(2)).toHaveText("1", { useInnerText: true });
  await expect(page.getByRole("row").filter({ hasText: "(GM0047)" })).toHaveCount(0);
  await signOut(page);

  // The family sees where their case goes on.
  await signIn(page, parent.email);
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.locator("main")).toContainText(NEW_NAME);
  await expect(page.locator("main")).toContainText("Uw gemeente is samengegaan met een andere gemeente.");
});
