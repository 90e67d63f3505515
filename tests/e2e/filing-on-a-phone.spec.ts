import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible } from "./fixtures";
import { expectStep, tabTo } from "./filing";
import { signUpLinkFor } from "./mail-links";

/**
 * A parent on a phone files with the keyboard only: Tab, typing, arrow keys,
 * Space and Enter. Halfway they close the browser; after signing in again the
 * form continues at the first question still open, with every answer kept.
 */
const phone = { viewport: { width: 390, height: 844 }, locale: "nl-NL", isMobile: true, hasTouch: true };

async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  await tabTo(page, page.getByLabel(label));
  await page.keyboard.type(text);
}

test("a parent on a phone files with the keyboard, closes the browser halfway and finishes from the saved draft", async ({ browser }) => {
  const email = `telefoon-${Date.now().toString(36)}@voorbeeld.nl`;
  const childName = "Sara Onderweg 🌱";
  const story = "Sara krijgt al een jaar geen passende hulp.\nDe ggz zegt: eerst school. School zegt: eerst zorg.";

  const first = await browser.newContext(phone);
  const page = await first.newPage();
  await page.goto("/registreren");
  await typeInto(page, "E-mailadres", email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Kijk in uw e-mail" })).toBeVisible();
  // The link from the mail, opened on the same phone.
  await page.goto(await signUpLinkFor(email));
  await typeInto(page, "Uw naam", "Ouder Onderweg");
  await typeInto(page, "Wachtwoord", DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await expect(page.getByText("Stap 1 van 13")).toBeVisible();
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await typeInto(page, "Zoek een gemeente in de lijst", "delft");
  await page.keyboard.press("Enter"); // narrows the list, does not move on
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await tabTo(page, page.getByLabel("In welke gemeente woont het kind?"));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("In welke gemeente woont het kind?")).toHaveValue("GM0503");
  await press(page, "Volgende");
  await expectStep(page, "Wie doet de melding?");
  await press(page, "Volgende");

  await expectStep(page, "Over het kind");
  await expect(page.getByRole("heading", { level: 2, name: "Over het kind" })).toBeFocused();
  await typeInto(page, "Naam van het kind", childName);
  await typeInto(page, "Geboortedatum van het kind", "02022012"); // dd-mm-jjjj in Dutch
  await typeInto(page, /Burgerservicenummer/, "123456789"); // fails the 11-proef
  await page.keyboard.press("Enter");
  await expect(page.getByText("Dit burgerservicenummer klopt niet.", { exact: false })).toBeVisible();
  await expect(page.getByLabel(/Burgerservicenummer/)).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("111222333");
  await page.keyboard.press("Enter");

  await expectStep(page, "School");
  await tabTo(page, page.getByRole("radio", { name: "Ja, zoals het hoort" }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Nee, het kind zit thuis zonder school")).toBeChecked();
  await typeInto(page, /Sinds wanneer gaat het kind niet/, "01092026");
  await press(page, "Volgende");


  await expectStep(page, "Wat zit er vast?");
  await typeInto(page, "Wat gaat er mis?", story);
  await tabTo(page, page.getByLabel("Zorgverzekering of ggz"));
  await page.keyboard.press("Space");
  await press(page, "Volgende");
  await expectStep(page, "Wie zei nee?");
  await expect(page.getByText("Wat u invult, wordt bewaard.")).toBeVisible();
  await first.close();

  // A new browser: sign in again and carry on where it stopped.
  const second = await browser.newContext(phone);
  const again = await second.newPage();
  await again.goto("/melden");
  await typeInto(again, "E-mailadres", email);
  await typeInto(again, "Wachtwoord", DEMO_PASSWORD);
  await again.keyboard.press("Enter");
  await expectStep(again, "Wie zei nee?");
  await expect(again.getByText("Stap 6 van 13")).toBeVisible();
  await press(again, "Vorige");
  await expectStep(again, "Wat zit er vast?");
  await expect(again.getByLabel("Wat gaat er mis?")).toHaveValue(story);
  await expect(again.getByLabel("Zorgverzekering of ggz")).toBeChecked();
  await press(again, "Volgende");

  await expectStep(again, "Wie zei nee?");
  await typeInto(again, /Welke organisaties zeiden nee/, "De ggz-aanbieder en de school. <b>Niemand</b> belde terug.");
  await press(again, "Volgende");
  await expectStep(again, "Wat is al geprobeerd?");
  await typeInto(again, "Wat heeft u al geprobeerd?", "Gebeld met de huisarts en de gemeente.");
  await press(again, "Volgende");
  await expectStep(again, "Wat is er nodig?");
  await typeInto(again, "Wat heeft uw kind nodig?", "Een behandeling, en daarna weer naar school.");
  await press(again, "Volgende");
  await expectStep(again, "Hoe dringend is het?");
  await tabTo(again, again.getByRole("radio", { name: "Gewoon" }));
  await again.keyboard.press("ArrowDown");
  await expect(again.getByRole("radio", { name: "Hoog" })).toBeChecked();
  await press(again, "Volgende");
  await expectStep(again, "Toestemming");
  await press(again, "Volgende");
  await expect(again.getByText("Zonder toestemming kunnen wij de melding niet behandelen.")).toBeVisible();
  await expect(again.getByLabel(/Ik geef toestemming/)).toBeFocused();
  await again.keyboard.press("Space");
  await press(again, "Volgende");
  await expectStep(again, "Contact");
  await press(again, "Volgende");
  await expectStep(again, "Documenten (niet verplicht)");
  await press(again, "Volgende");

  // The review shows every answer; a change goes back to that question and returns here.
  await expectStep(again, "Kijk alles na");
  const main = again.locator("main");
  await expect(main).toContainText(childName);
  await expect(main).toContainText("******333");
  await expect(main).toContainText("Delft");
  await expect(main).toContainText("<b>Niemand</b> belde terug.");
  await press(again, "Wijzigen: Wat heeft uw kind nodig?");
  await expectStep(again, "Wat is er nodig?");
  await typeInto(again, "Wat heeft uw kind nodig?", " Graag snel.");
  await press(again, "Klaar, terug naar het overzicht");
  await expectStep(again, "Kijk alles na");
  await expect(main).toContainText("weer naar school. Graag snel.");
  await press(again, "Melding versturen");

  await expect(again.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  await expectAccessible(again);
  await tabTo(again, again.getByRole("link", { name: "Bekijk uw melding" }));
  await again.keyboard.press("Enter");
  await expect(again.locator("main")).toContainText(childName);
  await expect(again.locator("main")).toContainText("Sara krijgt al een jaar geen passende hulp.");

  // The draft is gone once the case is filed: a new filing starts empty.
  await again.goto("/melden");
  await expectStep(again, "Welke gemeente is verantwoordelijk?");
  await expect(again.getByLabel("Naam van het kind")).toHaveValue("");
  await second.close();
});
