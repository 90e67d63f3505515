import { expect, type Page } from "@playwright/test";
import { expectAccessible, totpCode } from "./fixtures";

/** On a gemeente's staff page (/beheer/medewerkers): invites `name` at `email` in `role` and sees it confirmed. */
export async function inviteStaffMember(page: Page, { name, email, role = /^Aanspreekpunt/ }: { name: string; email: string; role?: RegExp }): Promise<void> {
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: `De uitnodiging is verstuurd naar ${email}.` })).toBeVisible();
}

/**
 * On the page of a staff invitation's link: makes the account with a password, sets up the
 * authenticator app and passes the recovery codes, and ends in the queue, signed in.
 */
export async function finishStaffAccount(page: Page, { name, email }: { name: string; email: string }): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodiging als medewerker" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel("Uw naam")).toHaveValue(name);
  await page.getByLabel("Kies een wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Account maken" }).click();

  // First sign-in of a staff account: set up the authenticator app.
  await expect(page.getByRole("heading", { level: 1, name: "Tweestapsverificatie instellen" })).toBeVisible();
  const secret = (await page.getByRole("definition").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code uit de app").fill(await totpCode(secret, email));
  await page.getByLabel("Code uit de app").press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Bewaar uw herstelcodes" })).toBeVisible();
  await page.getByRole("link", { name: "Ik heb de codes bewaard. Ga verder" }).click();
  await expect(page).toHaveURL(/\/werkbak$/);
  await expect(page.getByText(`Ingelogd als ${name}`)).toBeVisible();
  await expectAccessible(page);
}
