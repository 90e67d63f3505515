import { expect, test } from "@playwright/test";
import { expectAccessible, openFold, signIn, signOut } from "./fixtures";
import { invitationLinkFor, signUpLinkFor } from "./mail-links";

test("a parent invites a client supporter, who makes an account, accepts and follows the case", async ({ page }) => {
  const supporterEmail = `steun-${Date.now().toString(36)}@voorbeeld.nl`;

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto("/mijn-meldingen");
  await expect(page.getByRole("row", { name: /Emma de Vries/ })).toContainText("U heeft de melding gedaan");
  await page.getByRole("row", { name: /Emma de Vries/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const number = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 2, name: "Wie helpt er mee?" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat is een cliëntondersteuner?" })).toBeVisible();

  await openFold(page, "Iemand uitnodigen");
  const emailField = page.getByLabel("E-mailadres van wie u uitnodigt");
  const send = page.getByRole("button", { name: "Uitnodiging versturen" });
  // Without a choice of role the form says so next to the choice.
  await emailField.fill(supporterEmail);
  await send.click();
  await expect(page.getByText("Kies wie u uitnodigt.")).toBeVisible();
  await expect(emailField).toHaveValue(supporterEmail);
  await expectAccessible(page);

  await page.getByRole("radio", { name: /Een cliëntondersteuner/ }).check();
  await send.click();
  await expect(page.getByRole("status").filter({ hasText: `De uitnodiging is verstuurd naar ${supporterEmail}.` })).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: supporterEmail })).toContainText("Uitgenodigd als cliëntondersteuner.");
  await expect(page.getByRole("button", { name: `Uitnodiging voor ${supporterEmail} intrekken` })).toBeVisible();
  await expectAccessible(page);

  // The same person twice: refused, with the reason next to the address.
  await emailField.fill(supporterEmail);
  await page.getByRole("radio", { name: /Een professional/ }).check();
  await send.click();
  await expect(emailField).toHaveAccessibleDescription(/Deze persoon heeft al een uitnodiging die nog werkt\./);
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await signOut(page);

  const link = await invitationLinkFor(supporterEmail);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "U bent uitgenodigd" })).toBeVisible();
  await expect(page.getByText("Sanne de Vries vraagt u om mee te helpen bij een melding op Doorbraak.")).toBeVisible();
  await expect(page.getByText("U doet mee als cliëntondersteuner.")).toBeVisible();
  // Nothing about the case before accepting.
  await expect(page.locator("main")).not.toContainText("Emma");
  await expect(page.locator("main")).not.toContainText(number);
  await expectAccessible(page);

  await page.getByRole("main").getByRole("link", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account maken" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(supporterEmail);
  await page.getByRole("button", { name: "Stuur mij een e-mail" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in uw e-mail" })).toBeVisible();
  // The link from the sign-up mail, opened in the same browser.
  await page.goto(await signUpLinkFor(supporterEmail));
  await page.getByLabel("Uw naam").fill("Fatima Steun");
  await page.getByLabel("Wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Account maken" }).click();

  // Back on the invitation, now signed in.
  await expect(page.getByText("Ingelogd als Fatima Steun")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Uitnodiging aannemen" }).click();

  await expect(page).toHaveURL(new RegExp(`/mijn-meldingen/${number}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expect(page.getByText(/Over Emma de Vries/)).toBeVisible();
  // The supporter reads the case a few more times; each read is logged.
  for (let i = 0; i < 2; i += 1) {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  }
  // A client supporter follows the case but never withdraws it for the family.
  await expect(page.getByText("Melding intrekken", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Wie helpt er mee?" }).getByRole("listitem").filter({ hasText: "Fatima Steun" })).toContainText("cliëntondersteuner");
  await expectAccessible(page);

  await page.goto("/mijn-meldingen");
  await expect(page.getByRole("row", { name: /Emma de Vries/ })).toContainText("Cliëntondersteuner");
  await expectAccessible(page);

  // The link has done its work: for anyone else it now leads nowhere.
  await signOut(page);
  const used = await page.goto(link);
  expect(used?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Deze uitnodiging werkt niet" })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByRole("region", { name: "Wie helpt er mee?" }).getByRole("listitem").filter({ hasText: "Fatima Steun" })).toContainText("cliëntondersteuner");
  await expect(page.getByRole("button", { name: `Uitnodiging voor ${supporterEmail} intrekken` })).toHaveCount(0);

  // The parent sees the supporter's reads in the access log: three case pages and the list, on one line.
  await page.reload();
  await page.reload();
  const log = page.getByRole("region", { name: "Wie heeft mijn dossier bekeken?" });
  await log.getByRole("heading", { name: "Wie heeft mijn dossier bekeken?" }).click();
  const supporterLine = log.getByRole("listitem").filter({ hasText: "Fatima Steun" });
  await expect(supporterLine).toHaveCount(1);
  await expect(supporterLine).toContainText("Fatima Steun (cliëntondersteuner) heeft uw melding bekeken.");
  await expect(supporterLine).toContainText("4 keer op deze dag");
  // The parent's own reads are one line too, as "U".
  await expect(log.getByRole("listitem").filter({ hasText: "U heeft uw melding bekeken." })).toHaveCount(1);
  await expectAccessible(page);
  await signOut(page);
});
