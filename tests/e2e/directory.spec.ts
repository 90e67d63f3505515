import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, signIn, signOut } from "./fixtures";

test("a citizen finds the aanspreekpunt of Den Haag and starts a filing, using only the keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Zoek uw gemeente" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeenten: waar kunt u terecht?" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Naam van uw gemeente").focus();
  await page.keyboard.type("den haag");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/gemeenten\?q=den\+haag$/);
  await expect(page.locator("main").getByRole("status")).toHaveText("1 gemeente gevonden voor “den haag”.");
  await expect(page).toHaveTitle(/^1 gemeente gevonden voor “den haag”/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Den Haag", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Den Haag" })).toBeVisible();
  await expect(page).toHaveTitle(/^Gemeente Den Haag/);
  const main = page.locator("main");
  await expect(main).toContainText("officiële naam: 's-Gravenhage");
  await expect(main).toContainText("Aanspreekpunt Jeugd Den Haag");
  await expect(main.getByRole("link", { name: "aanspreekpunt.jeugd@demo.doorbraak.nl" })).toHaveAttribute("href", "mailto:aanspreekpunt.jeugd@demo.doorbraak.nl");
  await expect(main.getByRole("link", { name: "14 070" })).toHaveAttribute("href", "tel:14070");
  await expect(main).toContainText("Maandag tot en met vrijdag van 9.00 tot 17.00 uur");
  await expect(main).toContainText("jeugdregio Haaglanden");
  await expect(main).toContainText("Expertteam Haaglanden");
  await expect(main.getByRole("link", { name: "expertteam.haaglanden@demo.doorbraak.nl" })).toBeVisible();
  await expect(main).toContainText("Cliëntondersteuning Den Haag (voorbeeld)");
  await expect(main.getByRole("link", { name: "clientondersteuning.demo.doorbraak.nl/den-haag" })).toHaveAttribute(
    "href",
    "https://clientondersteuning.demo.doorbraak.nl/den-haag",
  );
  await expectAccessible(page);

  await main.getByRole("link", { name: "Start een melding" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmelden$/);
  await page.getByLabel("E-mailadres").fill("ouder@demo.doorbraak.nl");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/melden(\?stap=where)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await signOut(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still finds a gemeente by its official name, without accents", async ({ page }) => {
    await page.goto("/gemeenten");
    await page.getByLabel("Naam van uw gemeente").fill("sudwest fryslan");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page).toHaveURL(/\/gemeenten\?q=sudwest\+fryslan$/);
    await expect(page.locator("main").getByRole("status")).toHaveText("1 gemeente gevonden voor “sudwest fryslan”.");
    await expect(page.getByRole("link", { name: "Súdwest-Fryslân" })).toHaveAttribute("href", "/gemeenten/GM1900");
  });
});

test("a search without results says what to try", async ({ page }) => {
  await page.goto("/gemeenten?q=Atlantis");
  await expect(page.locator("main").getByRole("status")).toHaveText("Geen gemeente gevonden voor “Atlantis”.");
  await expect(page.getByText("Kijk of de naam goed geschreven is.")).toBeVisible();
  await expectAccessible(page);
});

test("a gemeente that has not filled in its details says so and what to do", async ({ page }) => {
  await page.goto("/gemeenten/GM0014");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Groningen" })).toBeVisible();
  await expect(page.getByText("Groningen heeft de gegevens van het aanspreekpunt nog niet ingevuld.")).toBeVisible();
  await expect(page.getByText(/bellen op 14 met het netnummer erachter/)).toBeVisible();
  await expect(page.getByText("Groningen heeft nog niet ingevuld waar u cliëntondersteuning krijgt.", { exact: false })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown gemeente code is not found", async ({ page }) => {
  const response = await page.goto("/gemeenten/GM9999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
});

test("the gemeente admin changes the opening hours and sees them on the public page", async ({ page }) => {
  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer");
  const hours = page.getByLabel("Wanneer bereikbaar");
  const website = page.getByLabel("Website cliëntondersteuning");
  const originalHours = await hours.inputValue();
  const originalWebsite = await website.inputValue();
  const newHours = `Dinsdag en donderdag van 10.00 tot 12.00 uur (${Date.now().toString(36)})`;

  await hours.fill(newHours);
  await website.fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Niet alles is goed ingevuld. Kijk bij de velden met een melding.");
  await expect(website).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#clientSupportUrl-error")).toHaveText("Vul een webadres in dat begint met https://, bijvoorbeeld https://www.voorbeeld.nl.");
  await expect(hours).toHaveValue(newHours);
  await expectAccessible(page);

  await website.fill(originalWebsite);
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText("De contactgegevens zijn opgeslagen.");

  await page.getByRole("link", { name: /Bekijk de openbare pagina/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Den Haag" })).toBeVisible();
  await expect(page.locator("main")).toContainText(newHours);
  await expect(page.locator("main")).not.toContainText(originalHours);

  // Leave the demo data as the seed made it.
  await page.goto("/beheer");
  await page.getByLabel("Wanneer bereikbaar").fill(originalHours);
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText("De contactgegevens zijn opgeslagen.");
  await signOut(page);
});
