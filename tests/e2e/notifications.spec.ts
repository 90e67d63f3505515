import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

/**
 * The aanspreekpunt is told in the app when the family answers a question.
 * Uses the demo seed's case of Milan Jacobs (filed by the professional,
 * claimed by the aanspreekpunt, in a local attempt): Emma's case belongs to
 * questions.spec.ts and invitations.spec.ts, which expect it untouched.
 * The question is asked twice, to use both ways of reading a notification:
 * the button on the notifications page and opening the case through its link.
 */

const aanspreekpunt = "aanspreekpunt@demo.doorbraak.nl";
const professional = "professional@demo.doorbraak.nl";

function headerLink(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: /^Notificaties/ });
}

function nameFor(unread: number): string {
  return unread > 0 ? `Notificaties ${unread} ongelezen` : "Notificaties";
}

/** The unread count as the header tells it to a screen reader. */
async function unreadInHeader(page: Page): Promise<number> {
  const label = await headerLink(page).getAttribute("aria-label");
  const match = label ? /^Notificaties (\d+) ongelezen$/.exec(label) : null;
  return match ? Number(match[1]) : 0;
}

async function askQuestion(page: Page, caseUrl: string, question: string): Promise<void> {
  await page.goto(caseUrl);
  await page.getByLabel("Uw vraag aan het gezin").fill(question);
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByRole("button", { name: "Vraag versturen" })).toHaveCount(0);
}

async function answerAsFiler(page: Page, number: string, answer: string): Promise<void> {
  await signIn(page, professional);
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByRole("heading", { name: "De gemeente heeft een vraag voor u" })).toBeVisible();
  await page.getByLabel("Uw antwoord").fill(answer);
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("U heeft de vraag beantwoord.").first()).toBeVisible();
  await signOut(page);
}

/** The unread notification that the family answered on this case. */
function unreadAnswerItem(page: Page, number: string) {
  return page
    .getByRole("list", { name: "Uw notificaties, de nieuwste eerst" })
    .getByRole("listitem")
    .filter({ hasText: `Het gezin heeft uw vraag beantwoord bij ${number}` })
    .filter({ hasText: "Ongelezen" });
}

test("the aanspreekpunt sees in the header that the family answered, and reads it", async ({ page }) => {
  await signIn(page, aanspreekpunt);
  await page.goto("/werkbak");
  await page.getByRole("row", { name: /Milan Jacobs/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const caseUrl = new URL(page.url()).pathname;
  const number = caseUrl.split("/").pop()!;
  await askQuestion(page, caseUrl, "Heeft Milan al een intake gehad bij een school?");
  await signOut(page);

  await answerAsFiler(page, number, "Ja, bij het Haags Montessori Lyceum.");

  // First round: the button on the notifications page marks it read.
  await signIn(page, aanspreekpunt);
  await page.goto("/werkbak");
  const before = await unreadInHeader(page);
  expect(before).toBeGreaterThan(0);
  await expect(headerLink(page)).toHaveAccessibleName(nameFor(before));
  await expectAccessible(page);
  await headerLink(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notificaties" })).toBeVisible();
  await expect(unreadAnswerItem(page, number)).toHaveCount(1);
  await expectAccessible(page);
  await unreadAnswerItem(page, number).getByRole("button", { name: "Markeer als gelezen" }).click();
  await expect(unreadAnswerItem(page, number)).toHaveCount(0);
  await expect(headerLink(page)).toHaveAccessibleName(nameFor(before - 1));

  // Second round: following the link opens the case, and that marks it read.
  await askQuestion(page, caseUrl, "Wanneer is het gesprek met de school?");
  await signOut(page);
  await answerAsFiler(page, number, "Volgende week dinsdag.");

  await signIn(page, aanspreekpunt);
  await page.goto("/notificaties");
  const waiting = await unreadInHeader(page);
  expect(waiting).toBe(before);
  await expect(unreadAnswerItem(page, number)).toHaveCount(1);
  await expectAccessible(page);
  await unreadAnswerItem(page, number).getByRole("button", { name: `Open melding ${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expect(headerLink(page)).toHaveAccessibleName(nameFor(waiting - 1));
  await expect(page.getByText("Volgende week dinsdag.").first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/notificaties");
  await expect(unreadAnswerItem(page, number)).toHaveCount(0);
  const answers = page.getByRole("listitem").filter({ hasText: `Het gezin heeft uw vraag beantwoord bij ${number}` });
  await expect(answers).toHaveCount(2);
  await expect(answers.getByRole("button", { name: "Markeer als gelezen" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});
