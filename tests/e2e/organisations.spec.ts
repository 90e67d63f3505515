import { expect, test } from "@playwright/test";
import { expectAccessible, openAction, openFold, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";

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

  // Den Haag's leerplicht entry hears of thuiszitters' cases when the family agrees; only such entries are offered.
  const leerplicht = page.getByRole("region", { name: "Leerplicht inlichten over thuiszitters" });
  const contact = leerplicht.getByLabel("Wie krijgt het bericht?");
  await expect(contact.locator("option:checked")).toHaveText("Leerplicht Den Haag (voorbeeld)");
  await expect(contact.locator("option")).not.toContainText(["Het Duin College (voorbeeld)"]);
  await leerplicht.getByRole("button", { name: "Opslaan" }).click();
  await expect(leerplicht.getByRole("status")).toHaveText("Opgeslagen.");
  await expectAccessible(page);
});

test("the aanspreekpunt names a school from the directory in a case; the family sees who and why", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  const number = await fileForDenHaag(page, `Lotte ${Date.now().toString(36)}`, "Lotte zit al maanden thuis. De school wil haar niet terug.");
  await signOut(page);
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByText("Gelukt. De melding is bijgewerkt.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Organisaties in deze melding" })).toContainText("Er zijn nog geen organisaties genoemd.");

  await openAction(page, "Organisatie noemen");
  const link = page.getByRole("region", { name: "Organisatie noemen" });
  await link.getByRole("button", { name: "Organisatie noemen" }).click();
  await expect(link.getByLabel("Organisatie (verplicht)", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await link.getByLabel("Organisatie (verplicht)", { exact: true }).selectOption({ label: "Het Duin College (voorbeeld) (School VO)" });
  await link.getByLabel("Zei nee tegen de hulp die nodig is").check();
  await expectAccessible(page);
  await link.getByRole("button", { name: "Organisatie noemen" }).click();
  const named = page.getByRole("region", { name: "Organisaties in deze melding" });
  await expect(named).toContainText("Het Duin College (voorbeeld)");
  await expect(named).toContainText("Fatima El Amrani");
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  const family = page.getByRole("region", { name: "Organisaties bij uw melding" });
  await expect(family).toContainText("Het Duin College (voorbeeld)");
  await expect(family).toContainText("Zei nee tegen de hulp die nodig is");
  await expect(family).not.toContainText("Fatima El Amrani");
  await expectAccessible(page);
  await signOut(page);
});
