import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut, recordImpasseForReferral } from "./fixtures";

/**
 * The triage day of an aanspreekpunt: the queue narrowed to overdue, urgent
 * cases; a question to the family, who answer on their own page; the
 * notification of that answer; the referral to the expert team. Uses the demo
 * seed's overdue case of Finn Bos (parent ouder.wacht@demo.doorbraak.nl).
 */
test("an aanspreekpunt handles an overdue urgent case: question, answer, notification, referral", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto("/werkbak");
  await expectAccessible(page);

  // Overdue, then only the urgent ones; the address keeps the view.
  await page.getByRole("navigation", { name: "Lijsten" }).getByRole("link", { name: /Over de termijn/ }).click();
  await expect(page).toHaveURL(/tab=overdue/);
  await page.getByRole("checkbox", { name: "Hoog" }).check();
  await page.getByRole("button", { name: "Toon meldingen" }).click();
  await expect(page).toHaveURL(/urgency=HIGH/);
  await expect(page).toHaveURL(/tab=overdue/);
  const row = page.getByRole("row", { name: /Finn Bos/ });
  await expect(row).toContainText("over de termijn", { ignoreCase: true });
  await expect(page.getByRole("row", { name: /Emma de Vries/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("row", { name: /Finn Bos/ })).toBeVisible();

  await page.getByRole("row", { name: /Finn Bos/ }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const caseUrl = page.url();
  const number = caseUrl.split("/").pop()!;
  await expectAccessible(page);

  await page.getByLabel("Uw vraag aan het gezin").fill("Staat Finn al op de wachtlijst van een tweede ggz-aanbieder?");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByRole("main").getByText("Wacht op het gezin").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ouder.wacht@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByText("Staat Finn al op de wachtlijst van een tweede ggz-aanbieder?")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Uw antwoord").fill("Nee, de tweede aanbieder neemt geen nieuwe kinderen aan.");
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("U heeft de vraag beantwoord.")).toBeVisible();
  await signOut(page);

  // The answer reaches the aanspreekpunt as a notification, which leads to the case.
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.getByRole("banner").getByRole("link", { name: /^Notificaties \d+ ongelezen$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notificaties" })).toBeVisible();
  await expect(page.locator("main")).toContainText(`Het gezin heeft uw vraag beantwoord bij ${number}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Open melding ${number}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expect(page.getByText("Nee, de tweede aanbieder neemt geen nieuwe kinderen aan.").first()).toBeVisible();

  await page.getByLabel("Uw vraag aan het expertteam").fill("Twee ggz-aanbieders hebben geen plek. Kan het expertteam een aanbieder vinden die ook met school werkt?");
  await recordImpasseForReferral(page);
  await page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(page.getByRole("main").getByText("Bij het expertteam").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});
