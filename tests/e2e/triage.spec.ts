import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, openAction, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";

/**
 * The aanspreekpunt's own actions on a new case, through the UI: a parent
 * files → the Den Haag aanspreekpunt claims it, assigns it to a colleague,
 * adds a note, and transfers it to Delft → Den Haag no longer reaches it →
 * Delft's aanspreekpunt finds it with its history → the parent sees the move.
 * Uses a case of its own: the demo seed's cases belong to other specs.
 */
test.describe.configure({ mode: "serial" });

const childName = `Fenna Triage ${Date.now().toString(36)}`;
const note = "Gebeld met de intern begeleider van school. Zij denkt mee over een plek.";
let caseNumber = "";

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

test("a parent files a new case for Den Haag", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  caseNumber = await fileForDenHaag(page, childName, "Fenna zit thuis. De school en de zorgaanbieder wijzen naar elkaar.");
  await signOut(page);
});

test("the aanspreekpunt claims the case, assigns it to a colleague and adds a note", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await visit(page, `/zaken/${caseNumber}`);
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  // A new case can be claimed, assigned, transferred or declared not admissible; a note waits for triage.
  // Claiming is the usual step and open; the others are folded under their titles.
  await expect(page.getByRole("button", { name: "Notitie opslaan" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Overdragen aan een andere gemeente" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Overdragen" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Niet in behandeling nemen en afsluiten" })).toBeHidden();
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();

  // Without a choice the form says so next to the field.
  await openAction(page, "Toewijzen aan een collega");
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByText("Kies een collega uit de lijst.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: /^Collega/ }).selectOption({ label: "Bram de Groot" });
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  const facts = page.getByRole("region", { name: "Gegevens" });
  await expect(facts.locator("div").filter({ hasText: /^Opgepakt door/ })).toContainText("Bram de Groot");
  await expectAccessible(page);

  // An empty note is refused; what was typed survives a refusal.
  await openAction(page, "Notitie maken");
  await page.getByRole("button", { name: "Notitie opslaan" }).click();
  await expect(page.locator("#staffNote-error")).toHaveText("Vul dit in.");
  await page.getByRole("textbox", { name: /^Notitie/ }).fill(note);
  await page.getByRole("button", { name: "Notitie opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tijdlijn" })).toContainText(note);
  await expectAccessible(page);
  await signOut(page);
});

test("the aanspreekpunt transfers the case to Delft and can no longer open it", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await visit(page, `/zaken/${caseNumber}`);

  // A reason that is too short comes back with a message, and the choice and text are kept.
  await openAction(page, "Overdragen aan een andere gemeente");
  await page.getByLabel("Zoek een gemeente in de lijst").fill("delft");
  await expect(page.getByLabel("Naar welke gemeente?").locator("option")).toHaveCount(2);
  await page.getByLabel("Naar welke gemeente?").selectOption({ label: "Delft" });
  await page.getByLabel("Waarom is die gemeente verantwoordelijk?").fill("Delft");
  await page.getByRole("button", { name: "Overdragen" }).click();
  await expect(page.getByText("Dit is te kort. Schrijf iets meer.")).toBeVisible();
  await expect(page.getByLabel("Waarom is die gemeente verantwoordelijk?")).toHaveValue("Delft");
  await expect(page.getByLabel("Naar welke gemeente?")).toHaveValue("GM0503");
  await expectAccessible(page);

  await page
    .getByLabel("Waarom is die gemeente verantwoordelijk?")
    .fill("Fenna woonde voor haar opname in Delft. Volgens het woonplaatsbeginsel is Delft verantwoordelijk.");
  await page.getByRole("button", { name: "Overdragen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Melding overgedragen" })).toBeVisible();
  await expect(page.locator("main")).toContainText(`Melding ${caseNumber} is overgedragen aan de gemeente Delft.`);
  await expect(page.locator("main")).toContainText("U kunt deze melding nu niet meer openen.");
  await expectAccessible(page);

  await page.goto(`/zaken/${caseNumber}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
  await signOut(page);
});

test("Delft's aanspreekpunt finds the case with its transfer history", async ({ page }) => {
  await signIn(page, "aanspreekpunt.delft@demo.doorbraak.nl");
  await visit(page, "/werkbak");
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expect(page.locator("main")).toContainText(childName);
  await expect(page.locator("main")).toContainText("Wordt bekeken");
  const transfers = page.getByRole("region", { name: "Overdrachten" });
  await expect(transfers).toContainText("Van Den Haag naar Delft");
  await expect(transfers).toContainText("Volgens het woonplaatsbeginsel is Delft verantwoordelijk.");
  // The case moved once: moving it again needs the expert team's agreement.
  await openAction(page, "Overdragen aan een andere gemeente");
  await expect(page.getByLabel("Instemming van het expertteam")).toBeVisible();
  // Nobody in Delft handles it yet.
  await expect(page.getByRole("region", { name: "Gegevens" }).locator("div").filter({ hasText: /^Opgepakt door/ })).toContainText("Nog niemand");
  await expectAccessible(page);
  await signOut(page);
});

test("the parent sees that the case moved to Delft", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await visit(page, `/mijn-meldingen/${caseNumber}`);
  await expect(page.locator("main")).toContainText("Uw melding is overgedragen aan een andere gemeente.");
  await expect(page.locator("main")).not.toContainText(note);
  await signOut(page);
});
