import { expect, test, type Page } from "@playwright/test";
import { createParent, expectAccessible, signIn, signOut } from "./fixtures";
import { completeFiling, expectStep } from "./filing";

/**
 * A parent files for a gemeente that does not work with the portal yet. The portal
 * says so at the first question, before anything is written; the case goes to the
 * region's expert team (Rijswijk, in Haaglanden, whose team is active in the demo), or
 * to the national fallback (Zwolle, whose region's team is not); the confirmation names
 * who acts; the expert team finds the case in its queue, and the platform admin sees
 * the waiting one in the coverage view. Uses gemeenten no other spec files for.
 */

async function chooseGemeente(page: Page, search: string, label: string): Promise<void> {
  await page.goto("/melden");
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  await page.getByLabel("Zoek een gemeente in de lijst").fill(search);
  await page.getByLabel("In welke gemeente woont het kind?").selectOption({ label });
}

test("a case for a gemeente that is not live goes straight to the region's expert team, who finds it in the queue", async ({ page }) => {
  const childName = `Noor Rijswijk ${Date.now().toString(36)}`;
  await signIn(page, (await createParent()).email);
  await chooseGemeente(page, "rijswijk", "Rijswijk (ZH.)");
  const notice = page.getByRole("heading", { level: 3, name: "Let op: de gemeente Rijswijk (ZH.) werkt nog niet met Doorbraak" });
  await expect(notice).toBeVisible();
  await expect(page.locator("main")).toContainText("Uw melding gaat daarom meteen naar het expertteam van de regio Haaglanden.");
  await expectAccessible(page);

  const number = await completeFiling(page, childName);
  const main = page.locator("main");
  await expect(main).toContainText("De gemeente Rijswijk (ZH.) werkt nog niet met Doorbraak. Daarom gaat uw melding meteen naar het expertteam van de regio Haaglanden.");
  await expect(main).toContainText("expertteam.haaglanden@demo.doorbraak.nl");
  await page.getByRole("link", { name: "Bekijk uw melding" }).click();
  await expect(main).toContainText("Daarom is uw melding meteen naar het expertteam van de regio gegaan.");
  await signOut(page);

  await signIn(page, "expert@demo.doorbraak.nl");
  await page.goto("/expertteam");
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/notificaties");
  await expect(page.locator("main")).toContainText(`Nieuwe melding ${number} voor uw expertteam`);
});

test("a case for a gemeente whose region is not live either goes to the national fallback, which the confirmation names and the platform admin sees waiting", async ({ page }) => {
  const childName = `Sem Zwolle ${Date.now().toString(36)}`;
  await signIn(page, (await createParent()).email);
  await chooseGemeente(page, "zwolle", "Zwolle");
  await expect(page.getByRole("heading", { level: 3, name: "Let op: de gemeente Zwolle werkt nog niet met Doorbraak" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Ook het expertteam van de regio");
  await expect(page.locator("main")).toContainText("Landelijk meldpunt vastgelopen jeugdhulp");
  await expectAccessible(page);

  const number = await completeFiling(page, childName);
  const main = page.locator("main");
  await expect(main).toContainText("Daarom hebben wij Landelijk meldpunt vastgelopen jeugdhulp laten weten dat uw melding er is.");
  await expect(main).toContainText(number);
  await signOut(page);

  await signIn(page, "beheer@demo.doorbraak.nl");
  await page.goto("/beheer/dekking");
  await expect(page.getByRole("heading", { level: 1, name: "Dekking: wie kan er handelen?" })).toBeVisible();
  const waiting = page.getByRole("table", { name: "Meldingen die wachten, de oudste eerst" });
  await expect(waiting.getByRole("row", { name: new RegExp(number) })).toContainText("Zwolle");
  await expect(main).not.toContainText(childName);
  await expectAccessible(page);
});

test("the public page of a gemeente that is not live says what a parent can do instead", async ({ page }) => {
  await page.goto("/gemeenten/GM0193");
  await expect(page.getByRole("heading", { level: 2, name: "Let op: de gemeente Zwolle werkt nog niet met Doorbraak" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Landelijk meldpunt vastgelopen jeugdhulp");
  await expect(page.locator("main")).toContainText("Uw melding gaat dan naar het landelijke meldpunt");
  await expectAccessible(page);
  await page.goto("/gemeenten?q=zwolle");
  await expect(page.getByRole("listitem").filter({ hasText: "Zwolle" })).toContainText("werkt nog niet met Doorbraak");
});
