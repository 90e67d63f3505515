import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

/**
 * The region coordinator of Haaglanden manages the expert team's members: lands on the
 * team page after signing in, invites a new member, and withdraws the invitation.
 */
test("a region coordinator invites a new expert team member and withdraws the invitation", async ({ page }) => {
  const tag = Date.now().toString(36);
  const email = `nieuw.expert.${tag}@haaglanden.example`;
  await signIn(page, "regiocoordinator@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/beheer\/expertteam$/);
  await expect(page.getByRole("heading", { level: 1, name: "Leden van het expertteam" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Ayşe Yılmaz");
  await expectAccessible(page);

  await page.getByLabel("Naam").fill(`Eva Expert ${tag}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("radio", { name: /^Lid expertteam/ }).check();
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: `De uitnodiging is verstuurd naar ${email}.` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: `Uitnodiging voor ${email} intrekken` }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Ingetrokken");
  await expect(row.getByRole("button", { name: `Uitnodiging voor ${email} intrekken` })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});
