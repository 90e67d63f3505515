import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

test("a professional files for a family, recording how consent was given", async ({ page }) => {
  await signIn(page, "professional@demo.doorbraak.nl");
  await page.goto("/melden");
  await expect(page.getByLabel("Professional, namens het gezin")).toBeChecked();
  await page.getByLabel("Uw organisatie en functie").fill("Leerplicht Den Haag, leerplichtambtenaar");
  await page.getByLabel("Naam van het kind").fill("Jesse Vos");
  await page.getByLabel("Geboortedatum van het kind").fill("2011-10-12");
  await page.getByLabel(/Bij een zorgaanbieder, in een pleeggezin/).check();
  await page.getByLabel("In welke gemeente woonde het kind vlak daarvoor?").selectOption({ label: "Delft" });
  await page.getByLabel("Onderwijs of thuiszitten").check();
  await page.getByLabel("Wat gaat er mis?").fill("Jesse woont in een pleeggezin en gaat al een half jaar niet naar school.");
  await page.getByLabel("Wat heeft u al geprobeerd?").fill("Overleg met twee scholen.");
  await page.getByLabel("Wat heeft uw kind nodig?").fill("Een school die past.");

  // Without saying how consent was obtained, the case is not filed.
  await page.getByLabel(/Het gezin heeft toestemming gegeven/).check();
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Niet alles is goed ingevuld");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Telefonisch", exact: true }).check();
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  // Living in care: the gemeente of the address before is responsible.
  await expect(page.locator("main")).toContainText("Delft");
  await page.getByRole("link", { name: "Bekijk uw melding" }).click();
  await expect(page.locator("main")).toContainText("Jesse Vos");
  await signOut(page);
});
