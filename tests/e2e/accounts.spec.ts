import { expect, test } from "@playwright/test";
import { completeSecondStep, expectAccessible, signIn, signOut } from "./fixtures";
import { signUpLinkFor } from "./mail-links";

test("a signed-out visitor is sent to sign-in and comes back after it", async ({ page }) => {
  await page.goto("/werkbak");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fwerkbak/);
  await page.getByLabel("E-mailadres").fill("aanspreekpunt@demo.doorbraak.nl");
  await page.getByLabel("Wachtwoord").fill("doorbraak-demo-2026");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen\/tweede-stap\?terug=%2Fwerkbak$/);
  await completeSecondStep(page, "aanspreekpunt@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/werkbak$/);
});

test("a wrong password gets a plain message and no session", async ({ page }) => {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill("ouder@demo.doorbraak.nl");
  await page.getByLabel("Wachtwoord").fill("niet-het-goede-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("ouder@demo.doorbraak.nl");
  await expectAccessible(page);
});

test("a signed-in user without access to a page gets not-found", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  const response = await page.goto("/werkbak");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test("a new parent asks for an account, finishes it from the mailed link and can file right away", async ({ page }) => {
  const email = `ouder-${Date.now().toString(36)}@voorbeeld.nl`;
  await page.goto("/registreren");
  await expectAccessible(page);
  const ask = page.getByRole("button", { name: "Stuur mij een e-mail" });
  await page.getByLabel("E-mailadres").fill("geen adres");
  await ask.click();
  await expect(page.getByText("Vul een geldig e-mailadres in.")).toBeVisible();
  await page.getByLabel("E-mailadres").fill(email);
  await ask.click();
  const sent = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Kijk in uw e-mail" }) });
  await expect(sent).toContainText(`Wij hebben een e-mail gestuurd naar ${email}. Daarin staat wat u nu moet doen.`);
  const answerForNew = (await sent.innerText()).replace(email, "<adres>");
  await expectAccessible(page);

  // An address that has an account gets the very same answer: only the mail differs.
  await page.goto("/registreren");
  await page.getByLabel("E-mailadres").fill("ouder@demo.doorbraak.nl");
  await ask.click();
  await expect(sent).toBeVisible();
  expect((await sent.innerText()).replace("ouder@demo.doorbraak.nl", "<adres>")).toBe(answerForNew);

  const link = await signUpLinkFor(email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Account afmaken" })).toBeVisible();
  await expect(page.getByText(`Uw e-mailadres: ${email}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Uw naam").fill("Nieuwe Ouder");
  await page.getByLabel("Wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByText("Uw wachtwoord moet minstens 12 tekens hebben.")).toBeVisible();
  await expect(page.getByLabel("Uw naam")).toHaveValue("Nieuwe Ouder");
  await page.getByLabel("Wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await expect(page.getByText("Ingelogd als Nieuwe Ouder")).toBeVisible();

  // The link made its account and makes no other.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet" })).toBeVisible();
});

test("the portal can switch to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Is help for your child stuck?" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hulp voor uw kind zit vast?" })).toBeVisible();
});

test("a parent withdraws their case with a reason, using only the keyboard", async ({ page }) => {
  await signIn(page, "ouder.delft@demo.doorbraak.nl");
  await page.goto("/mijn-meldingen");
  // The parent's open case: the demo closes some of its cases.
  await page.getByRole("row").filter({ hasNotText: "Afgesloten" }).getByRole("link", { name: /^DB-/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();

  const summary = page.getByText("Melding intrekken", { exact: true }).first();
  await summary.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Melding intrekken" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Vul dit in.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Waarom trekt u de melding in?").focus();
  await page.keyboard.type("Het CIZ heeft de indicatie toch afgegeven.");
  await page.getByRole("button", { name: "Melding intrekken" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Uitkomst: u heeft de melding ingetrokken.")).toBeVisible();
  await expect(page.getByText("Afgesloten").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Melding intrekken" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});
