import { expect, test } from "@playwright/test";
import { createStaffMember, expectAccessible, signOut, totpCode, typePassword } from "./fixtures";

test("a staff member without the app reaches no staff page until it is set up, all by keyboard", async ({ page }) => {
  const person = await createStaffMember();

  await page.goto("/werkbak");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fwerkbak$/);
  await typePassword(page, person.email);
  await expect(page).toHaveURL(/\/inloggen\/tweede-stap\/instellen\?terug=%2Fwerkbak$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tweestapsverificatie instellen" })).toBeVisible();
  await expectAccessible(page);

  // The password alone opens no staff page, shows no staff menu and downloads nothing.
  for (const path of ["/werkbak", "/expertteam", "/ombudsman", "/notificaties", "/beheer", "/zaken/DB-2026-000001", "/start"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/inloggen\/tweede-stap\/instellen\?terug=/);
    expect(new URL(page.url()).searchParams.get("terug")).toBe(path);
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Werkbak gemeente" })).toHaveCount(0);
  }
  for (const download of ["/zaken/DB-2026-000001/audit/export?format=json", "/besluitbrief/DB-2026-000001", "/documenten/iets"]) {
    const response = await page.request.get(download, { maxRedirects: 0 });
    expect(response.status(), download).toBe(307);
    expect(response.headers()["location"], download).toContain("/inloggen/tweede-stap/instellen?terug=");
  }

  // Setting up: the QR code, and the same secret as text for whoever cannot scan it.
  await page.goto("/werkbak");
  await expect(page.getByRole("img", { name: "QR-code om Doorbraak toe te voegen aan uw app" })).toBeVisible();
  const secret = (await page.getByRole("definition").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong code: the message next to the field, and what was typed stays.
  const field = page.getByLabel("Code uit de app");
  await field.fill("000000");
  await field.press("Enter");
  await expect(field).toHaveAccessibleDescription(/Deze code klopt niet, of is al gebruikt\./);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("000000");
  await expectAccessible(page);

  await field.fill(await totpCode(secret, person.email));
  await field.press("Enter");
  const recoveryHeading = page.getByRole("heading", { level: 2, name: "Bewaar uw herstelcodes" });
  await expect(recoveryHeading).toBeFocused();
  const codes = page.getByRole("list", { name: "Uw herstelcodes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  await expectAccessible(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Ik heb de codes bewaard. Ga verder" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/werkbak$/);
  await expect(page.getByText(`Ingelogd als ${person.name}`)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The next time: the second step, here with a recovery code instead of the app.
  await page.goto("/inloggen");
  await typePassword(page, person.email);
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen: tweede stap" })).toBeVisible();
  await page.goto("/werkbak");
  await expect(page).toHaveURL(/\/inloggen\/tweede-stap\?terug=%2Fwerkbak$/);
  await expectAccessible(page);
  await page.getByLabel("Code").fill(recoveryCode);
  await page.getByLabel("Code").press("Enter");
  await expect(page).toHaveURL(/\/werkbak$/);
  await signOut(page);

  // A recovery code works once.
  await page.goto("/inloggen");
  await typePassword(page, person.email);
  await page.getByLabel("Code").fill(recoveryCode);
  await page.getByLabel("Code").press("Enter");
  await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/Deze code klopt niet, of is al gebruikt\./);
  await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  await page.getByRole("button", { name: "Stoppen en uitloggen" }).click();
  await expect(page).toHaveURL(/\/$/);
});
