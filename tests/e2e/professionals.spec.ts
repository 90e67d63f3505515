import { expect, test } from "@playwright/test";
import { expectAccessible, openAction, signIn, signOut } from "./fixtures";
import { fileForDenHaag, startFilingForDenHaag } from "./filing";
import { staffInvitationLinkFor } from "./mail-links";

test("the region coordinator keeps Haaglanden's list; an aanspreekpunt of Den Haag names its entry in a case", async ({ page }) => {
  const name = `RMC Haaglanden-Zuid ${Date.now().toString(36)}`;
  await signIn(page, "regiocoordinator@demo.doorbraak.nl");
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Organisaties", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Organisaties van de regio Haaglanden" })).toBeVisible();
  // A region has no leerplicht contact of its own: each gemeente picks one.
  await expect(page.getByRole("region", { name: "Leerplicht inlichten over thuiszitters" })).toHaveCount(0);
  const add = page.getByRole("region", { name: "Organisatie toevoegen" });
  await add.getByLabel("Soort organisatie").selectOption({ label: "Leerplicht of RMC" });
  await add.getByLabel("Naam").fill(name);
  await add.getByLabel("E-mailadres").fill("rmc-zuid@haaglanden.example.nl");
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De organisatie staat in de lijst." })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Leerplicht of RMC");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  const number = await fileForDenHaag(page, `Mees ${Date.now().toString(36)}`, "Mees is zestien en zit al een jaar zonder school thuis.");
  await signOut(page);
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByText("Gelukt. De melding is bijgewerkt.")).toBeVisible();
  await openAction(page, "Organisatie noemen");
  const link = page.getByRole("region", { name: "Organisatie noemen" });
  await link.getByLabel("Organisatie (verplicht)", { exact: true }).selectOption({ label: `${name} (Leerplicht of RMC)` });
  await link.getByLabel("Helpt mee").check();
  await link.getByRole("button", { name: "Organisatie noemen" }).click();
  await expect(page.getByRole("region", { name: "Organisaties in deze melding" })).toContainText(name);
  await expectAccessible(page);
});

test("a leerplicht officer gets an account from the gemeente, starts filing as a professional, and is listed with the gemeente's people", async ({ page }) => {
  const email = `leerplicht.${Date.now().toString(36)}@denhaag.example.nl`;
  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer/organisaties");
  const invite = page.getByRole("region", { name: "Iemand van leerplicht of een samenwerkingsverband uitnodigen" }).first();
  // Only leerplicht, RMC and samenwerkingsverbanden are offered; a school is not.
  await expect(invite.getByLabel("Organisatie (verplicht)", { exact: true }).locator("option")).not.toContainText(["Het Duin College (voorbeeld)"]);
  await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(invite.getByLabel("Organisatie (verplicht)", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await invite.getByLabel("Organisatie (verplicht)", { exact: true }).selectOption({ label: "Leerplicht Den Haag (voorbeeld)" });
  await invite.getByLabel("Naam (verplicht)").fill("Sven de Wit");
  await invite.getByLabel(/^E-mailadres/).fill(email);
  await expectAccessible(page);
  await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(invite.getByRole("status")).toHaveText(`De uitnodiging is verstuurd naar ${email}.`);
  await signOut(page);

  // The officer opens the mailed link, makes the account and lands on their own page: no authenticator app, as for other professionals.
  await page.goto(await staffInvitationLinkFor(email));
  await expect(page.getByRole("heading", { level: 1, name: "Uitnodiging als professional" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Leerplicht Den Haag (voorbeeld)");
  await expectAccessible(page);
  await page.getByLabel("Kies een wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page).toHaveURL(/\/mijn-meldingen$/);
  await expect(page.getByText("Ingelogd als Sven de Wit")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("DB-");

  // The account files as a professional, on behalf of a family (professional.spec.ts walks the rest of the form).
  await startFilingForDenHaag(page);
  await expect(page.getByLabel("Professional, namens het gezin")).toBeChecked();
  await signOut(page);

  // The admin finds the account with its organisation, and could end it there.
  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer/medewerkers");
  await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Professional, Leerplicht Den Haag (voorbeeld)");
});
