import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";
import { finishStaffAccount, inviteStaffMember } from "./staff-invitation";

// The end-to-end server keeps its mails in a mailbox, as the demo does (scripts/test.ts sets DEMO_MAILBOX_DIR).
test("a gemeente admin's invitation arrives in the demo mailbox, and its link leads to a finished staff account", async ({ page }) => {
  const tag = Date.now().toString(36);
  const email = `postvak.${tag}@denhaag.example`;
  const name = `Pim Postvak ${tag}`;

  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await page.goto("/beheer/medewerkers");
  await inviteStaffMember(page, { name, email });
  await signOut(page);

  // No sign-in is needed: the mailbox belongs to the demo.
  await page.goto("/demo/post");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Demo-postvak" })).toBeVisible();
  await expect(main.getByText("Deze pagina bestaat alleen in de demo.")).toBeVisible();
  // The mail is sent right after the invitation is answered; the page shows what is there when it loads.
  const mail = main.getByRole("article").filter({ hasText: email });
  await expect(async () => {
    await page.reload();
    await expect(mail).toHaveCount(1, { timeout: 1_000 });
  }).toPass();
  await expect(mail.getByRole("heading", { level: 2, name: "U bent uitgenodigd voor een account bij Doorbraak" })).toBeVisible();
  await expect(mail.getByRole("definition").filter({ hasText: email })).toBeVisible();
  await expectAccessible(page);

  // The link is followed by keyboard, on the host this page was opened at.
  const link = mail.getByRole("link", { name: /\/uitnodiging\/medewerker\// });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/uitnodiging\/medewerker\//);
  await expect(page.getByText("U bent uitgenodigd als aanspreekpunt bij Den Haag.")).toBeVisible();
  await finishStaffAccount(page, { name, email });
  await signOut(page);
});
