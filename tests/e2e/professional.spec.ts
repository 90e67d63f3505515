import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";
import { expectStep, nextStep } from "./filing";

test("a professional files for a family, recording how consent was given", async ({ page }) => {
  await signIn(page, "professional@demo.doorbraak.nl");
  await page.goto("/melden");
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await page.getByLabel(/Bij een zorgaanbieder, in een pleeggezin/).check();
  await page.getByLabel("In welke gemeente woonde het kind vlak daarvoor?").selectOption({ label: "Delft" });
  await nextStep(page);
  await expectStep(page, "Wie doet de melding?");
  await expect(page.getByLabel("Professional, namens het gezin")).toBeChecked();
  await nextStep(page);
  // A professional says who they are before going on.
  await expect(page.getByText("Vul dit in.")).toBeVisible();
  await page.getByLabel("Uw organisatie en functie").fill("Leerplicht Den Haag, leerplichtambtenaar");
  await nextStep(page);
  await expectStep(page, "Over het kind");
  await page.getByLabel("Naam van het kind").fill("Jesse Vos");
  await page.getByLabel("Geboortedatum van het kind").fill("2011-10-12");
  await nextStep(page);
  await page.getByLabel("Soms, of maar een paar uur per week").check();
  await nextStep(page);
  await page.getByLabel("Wat gaat er mis?").fill("Jesse woont in een pleeggezin en gaat al een half jaar bijna niet naar school.");
  await page.getByLabel("Onderwijs of thuiszitten").check();
  await nextStep(page);
  await page.getByLabel(/Welke organisaties zeiden nee/).fill("Twee scholen in Delft.");
  await nextStep(page);
  await page.getByLabel("Wat heeft u al geprobeerd?").fill("Overleg met twee scholen.");
  await nextStep(page);
  await page.getByLabel("Wat heeft uw kind nodig?").fill("Een school die past.");
  await nextStep(page);
  await nextStep(page);

  // Without saying how consent was obtained, the case cannot go on.
  await expectStep(page, "Toestemming");
  await page.getByLabel(/Het gezin heeft toestemming gegeven/).check();
  await nextStep(page);
  await expect(page.locator("main").getByRole("alert")).toContainText("Niet alles op dit scherm is goed ingevuld");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Telefonisch", exact: true }).check();
  await nextStep(page);
  await expectStep(page, "Contact");
  await nextStep(page);
  await expectStep(page, "Documenten (niet verplicht)");
  await nextStep(page);
  await expectStep(page, "Kijk alles na");
  await expect(page.locator("main")).toContainText("Telefonisch");
  await page.getByRole("button", { name: "Melding versturen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  // Living in care: the gemeente of the address before is responsible.
  await expect(page.locator("main")).toContainText("Delft");
  await page.getByRole("link", { name: "Bekijk uw melding" }).click();
  await expect(page.locator("main")).toContainText("Jesse Vos");
  await signOut(page);
});
