import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";
import { staffInvitationLinkFor } from "./mail-links";
import { finishStaffAccount, inviteStaffMember } from "./staff-invitation";

test("a gemeente admin invites an aanspreekpunt, who makes an account, sets up the app and sees the queue; then the admin removes them", async ({ page }) => {
  const tag = Date.now().toString(36);
  const email = `nieuw.aanspreekpunt.${tag}@denhaag.example`;
  const name = `Noor Nieuw ${tag}`;

  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Medewerkers van de gemeente beheren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Medewerkers van de gemeente" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: the message next to the field, and what was typed stays.
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByLabel("E-mailadres")).toHaveAccessibleDescription(/Vul een geldig e-mailadres in\./);
  await expect(page.getByText("Kies een rol.")).toBeVisible();
  await expect(page.getByLabel("Naam")).toHaveValue(name);
  await expectAccessible(page);

  await inviteStaffMember(page, { name, email });
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Werkt tot");
  await expectAccessible(page);
  await signOut(page);

  const link = await staffInvitationLinkFor(email);
  await page.goto(link);
  await expect(page.getByText("U bent uitgenodigd als aanspreekpunt bij Den Haag.")).toBeVisible();
  await finishStaffAccount(page, { name, email });
  await signOut(page);

  // The link has done its work, and says so.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Deze uitnodiging is al gebruikt" })).toBeVisible();
  await expect(page.getByText("Vraag het aan de beheerder die u uitnodigde.")).toBeVisible();
  await expectAccessible(page);

  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer/medewerkers");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Aanspreekpunt");
  await row.getByRole("link", { name: `${name} (Aanspreekpunt) wijzigen of weghalen` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${name} wijzigen of weghalen` })).toBeVisible();
  await expectAccessible(page);
  // Without the confirmation nothing happens.
  await page.getByRole("button", { name: "Weghalen" }).click();
  await expect(page.getByText("Zet een vinkje om te bevestigen")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(1);
  await page.getByLabel(`Ja, ik wil ${name} weghalen als aanspreekpunt.`).check();
  await page.getByRole("button", { name: "Weghalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De persoon is weggehaald." })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});

test("a platform admin switches on a gemeente and invites its first admin", async ({ page }) => {
  const email = `eerste.beheerder.${Date.now().toString(36)}@gemeente.example`;
  await signIn(page, "beheer@demo.doorbraak.nl");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Gemeenten en expertteams aanzetten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeenten en expertteams aanzetten" })).toBeVisible();
  await expectAccessible(page);
  const gemeente = page.getByRole("combobox", { name: /^Gemeente/ });
  // The option says whether the gemeente is on already; Utrecht has no admin in the demo.
  const utrecht = await gemeente.locator("option", { hasText: "Utrecht (GM0344)" }).getAttribute("value");
  await gemeente.selectOption(utrecht!);
  await page.getByLabel("Naam van de eerste beheerder").fill("Eva Eerste");
  await page.getByLabel("E-mailadres van de eerste beheerder").fill(email);
  await page.getByRole("button", { name: "Aanzetten en uitnodigen" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: `De gemeente staat aan. De uitnodiging is verstuurd naar ${email}.` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Utrecht");
  await expectAccessible(page);
  await signOut(page);
});
