import { expect, test } from "@playwright/test";
import { expectAccessible, openFold, signIn } from "./fixtures";

test("the gemeente admin keeps the directory of organisations: adds, corrects and takes one off the list", async ({ page }) => {
  const name = `SWV Passend Onderwijs Haaglanden ${Date.now().toString(36)}`;
  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Organisaties", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
  await expectAccessible(page);

  // A samenwerkingsverband without PO or VO is refused at that question; what was typed stays.
  const add = page.getByRole("region", { name: "Organisatie toevoegen" });
  await add.getByLabel("Soort organisatie").selectOption({ label: "Samenwerkingsverband passend onderwijs" });
  await add.getByLabel("Naam").fill(name);
  await add.getByLabel("Contactpersoon").fill("Ayla Yilmaz");
  await add.getByLabel("E-mailadres").fill("loket@swv.example.nl");
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(add.getByRole("group", { name: /Onderwijs/ })).toContainText("Kies of het samenwerkingsverband voor primair (PO) of voortgezet onderwijs (VO) is.");
  await expect(add.getByLabel("Naam")).toHaveValue(name);
  await expectAccessible(page);
  await add.getByLabel("Voortgezet onderwijs (VO)").check();
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De organisatie staat in de lijst." })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Samenwerkingsverband passend onderwijs (VO)");
  await expect(row).toContainText("Ayla Yilmaz");

  // The same name again is refused at the name.
  await add.getByLabel("Soort organisatie").selectOption({ label: "School" });
  await add.getByLabel("Naam").fill(name.toUpperCase());
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(add).toContainText("Er staat al een organisatie met deze naam in de lijst.");

  // Correct the contact person.
  await openFold(page, `${name} aanpassen`);
  const edit = page.locator("details", { has: page.getByText(`${name} aanpassen`) });
  await edit.getByLabel("Contactpersoon").fill("Sven de Wit");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await expect(row).toContainText("Sven de Wit");

  // Take it off the list: staff can no longer choose it, the page still names it.
  await openFold(page, `${name} aanpassen`);
  await edit.getByRole("button", { name: `${name} uit de lijst halen` }).click();
  await expect(row).toHaveCount(0);
  await openFold(page, "Uit de lijst gehaald");
  await expect(page.getByRole("region", { name: "Uit de lijst gehaald" })).toContainText(name);
  await expectAccessible(page);
});
