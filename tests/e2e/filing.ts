import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

/** The filing form shows one step at a time; this waits until the named step is on screen and checks it. */
export async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  await expectAccessible(page);
}

export async function nextStep(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Volgende" }).click();
}

/** Presses Tab until the element has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, limit = 60): Promise<void> {
  await target.waitFor({ state: "attached", timeout: 10_000 });
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Opens the filing form, picks Den Haag as the child's gemeente and arrives at the step that asks who files. */
export async function startFilingForDenHaag(page: Page): Promise<void> {
  await page.goto("/melden");
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await page.getByLabel("Zoek een gemeente in de lijst").fill("den haag");
  await page.getByLabel("In welke gemeente woont het kind?").selectOption({ label: "Den Haag ('s-Gravenhage)" });
  await nextStep(page);
  await expectStep(page, "Wie doet de melding?");
}

/**
 * A parent files a simple case for Den Haag through every step, checking each
 * step with axe, and lands on the confirmation. Answers the case number.
 */
export async function fileForDenHaag(page: Page, childName: string, story: string): Promise<string> {
  await startFilingForDenHaag(page);
  await nextStep(page);
  await expectStep(page, "Over het kind");
  await page.getByLabel("Naam van het kind").fill(childName);
  await page.getByLabel("Geboortedatum van het kind").fill("2013-09-12");
  await nextStep(page);
  await expectStep(page, "School");
  await page.getByLabel("Nee, het kind zit thuis zonder school").check();
  await page.getByLabel(/Sinds wanneer gaat het kind niet/).fill("2026-01-12");
  await nextStep(page);
  await expectStep(page, "Wat zit er vast?");
  await page.getByLabel("Wat gaat er mis?").fill(story);
  await page.getByLabel("Jeugdhulp").check();
  await nextStep(page);
  await expectStep(page, "Wie zei nee?");
  await page.getByLabel(/Welke organisaties zeiden nee/).fill("De school en de zorgaanbieder.");
  await nextStep(page);
  await expectStep(page, "Wat is al geprobeerd?");
  await page.getByLabel("Wat heeft u al geprobeerd?").fill("Gesprekken met school.");
  await nextStep(page);
  await expectStep(page, "Wat is er nodig?");
  await page.getByLabel("Wat heeft uw kind nodig?").fill("Onderwijs met zorg.");
  await nextStep(page);
  await expectStep(page, "Hoe dringend is het?");
  await nextStep(page);
  await expectStep(page, "Toestemming");
  await page.getByLabel(/Ik geef toestemming/).check();
  await nextStep(page);
  await expectStep(page, "Contact");
  await nextStep(page);
  await expectStep(page, "Documenten (niet verplicht)");
  await nextStep(page);
  await expectStep(page, "Kijk alles na");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  const number = /DB-\d{4}-\d{6}/.exec(await page.locator("main").innerText())?.[0] ?? "";
  expect(number).not.toBe("");
  return number;
}

/**
 * After the gemeente is chosen: the rest of the form, in as few words as a tired parent
 * would use, up to the confirmation (checked with axe). Answers the case number.
 */
export async function completeFiling(page: Page, childName: string): Promise<string> {
  await nextStep(page);
  await expectStep(page, "Wie doet de melding?");
  await nextStep(page);
  await page.getByLabel("Naam van het kind").fill(childName);
  await page.getByLabel("Geboortedatum van het kind").fill("2012-04-20");
  await nextStep(page);
  await page.getByLabel("Ja, zoals het hoort").check();
  await nextStep(page);
  await page.getByLabel("Wat gaat er mis?").fill("Er is al maanden geen passende hulp. Iedereen wijst naar elkaar.");
  await page.getByLabel("Jeugdhulp").check();
  await nextStep(page);
  await page.getByLabel(/Welke organisaties zeiden nee/).fill("De zorgaanbieder.");
  await nextStep(page);
  await page.getByLabel("Wat heeft u al geprobeerd?").fill("Bellen en mailen.");
  await nextStep(page);
  await page.getByLabel("Wat heeft uw kind nodig?").fill("Hulp thuis.");
  await nextStep(page);
  await nextStep(page);
  await page.getByLabel(/Ik geef toestemming/).check();
  await nextStep(page);
  await nextStep(page);
  await nextStep(page);
  await expectStep(page, "Kijk alles na");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  await expectAccessible(page);
  const number = /DB-\d{4}-\d{6}/.exec(await page.locator("main").innerText())?.[0] ?? "";
  expect(number).not.toBe("");
  return number;
}
