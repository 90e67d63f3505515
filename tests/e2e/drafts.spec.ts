import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible } from "./fixtures";

test("a parent on a phone closes the browser halfway and finishes later from the saved draft", async ({ browser }) => {
  const email = `concept-${Date.now().toString(36)}@voorbeeld.nl`;
  const phone = { viewport: { width: 390, height: 844 }, locale: "nl-NL", isMobile: true, hasTouch: true };

  const first = await browser.newContext(phone);
  const page = await first.newPage();
  await page.goto("/registreren");
  await page.getByLabel("Uw naam").fill("Ouder Onderweg");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Naam van het kind").fill("Sara Onderweg");
  await page.getByLabel("Wat gaat er mis?").fill("Sara krijgt al een jaar geen passende hulp van de ggz.");
  await page.getByLabel("Zorgverzekering of ggz").check();
  await expect(page.getByText("Wat u invult, wordt bewaard.")).toBeVisible();
  await first.close();

  const second = await browser.newContext(phone);
  const again = await second.newPage();
  await again.goto("/melden");
  await again.getByLabel("E-mailadres").fill(email);
  await again.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Inloggen" }).click();
  await expect(again.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await expect(again.getByLabel("Naam van het kind")).toHaveValue("Sara Onderweg");
  await expect(again.getByLabel("Wat gaat er mis?")).toHaveValue("Sara krijgt al een jaar geen passende hulp van de ggz.");
  await expect(again.getByLabel("Zorgverzekering of ggz")).toBeChecked();

  await again.getByLabel("Geboortedatum van het kind").fill("2012-02-02");
  await again.getByLabel("In welke gemeente woont het kind?").selectOption({ label: "Delft" });
  await again.getByLabel("Wat heeft u al geprobeerd?").fill("Gebeld met de huisarts en de gemeente.");
  await again.getByLabel("Wat heeft uw kind nodig?").fill("Een behandeling.");
  await again.getByLabel(/Ik geef toestemming/).check();
  await again.getByRole("button", { name: "Melding versturen" }).click();
  await expect(again.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();

  // The draft is gone once the case is filed.
  await again.goto("/melden");
  await expect(again.getByLabel("Naam van het kind")).toHaveValue("");
  await second.close();
});
