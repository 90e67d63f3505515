import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";

export const DEMO_PASSWORD = "doorbraak-demo-2026";
/** The authenticator secret of every demo staff account (prisma/seed/demo.ts, README). */
export const DEMO_TOTP_SECRET = "DEMODOORBRAAKTWEESTAPSCODEGEHEIM";

/** Signs in through the real sign-in form, and for staff through the second step too. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await completeSecondStep(page, email);
  await expect(page.getByText(/Ingelogd als/)).toBeVisible();
}

/** After the password: staff see the second step and give the code of the demo's authenticator secret. */
export async function completeSecondStep(page: Page, email: string): Promise<void> {
  const secondStep = page.getByRole("heading", { level: 1, name: "Inloggen: tweede stap" });
  await expect(page.getByText(/Ingelogd als/).or(secondStep)).toBeVisible();
  if (!(await secondStep.isVisible())) return;
  await page.getByLabel("Code").fill(await totpCode(DEMO_TOTP_SECRET, email));
  await page.getByRole("button", { name: "Doorgaan" }).click();
}

const stepsUsed = new Map<string, number>();

/**
 * A code the portal accepts now. A code works once, and these tests sign the same demo
 * account in many times a minute, which no person does: so the code's record of use is
 * cleared first in the test database (scripts/test.ts passes DATABASE_URL). Against a
 * running demo without that database, the next time step this run has not used is taken,
 * which allows two sign-ins of one account per 30 seconds.
 */
export async function totpCode(secret: string, email: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  if (await forgetLastCode(email)) return generate({ secret, epoch: now });
  const current = Math.floor(now / 30);
  const step = Math.max(current, (stepsUsed.get(email) ?? 0) + 1);
  if (step > current + 1) throw new Error(`${email} signed in too often in 30 seconds for one-time codes; run the tests with npm test.`);
  stepsUsed.set(email, step);
  return generate({ secret, epoch: step * 30 });
}

async function forgetLastCode(email: string): Promise<boolean> {
  if (!process.env.DATABASE_URL) return false;
  await inTestDatabase((client) =>
    client.query(`UPDATE "TwoFactorCredential" SET "lastUsedStep" = NULL WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]),
  );
  return true;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
}

/** The end-to-end database, which scripts/test.ts creates and passes as DATABASE_URL (and as its owner, DATABASE_OWNER_URL). */
export async function inTestDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("This test needs the portal's DATABASE_URL (npm run test:e2e sets it).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new aanspreekpunt with the demo password, made in the database as an admin would. In
 * Utrecht, where no demo data is, so that no other test's lists change.
 */
export async function createStaffMember(): Promise<{ email: string; name: string }> {
  const tag = randomBytes(4).toString("hex");
  const person = { email: `nieuw.${tag}@demo.doorbraak.nl`, name: `Nina Nieuw ${tag}` };
  await inTestDatabase(async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", organisation)
       SELECT $1, $2, $3, "passwordHash", 'Gemeente Utrecht' FROM "User" WHERE email = 'aanspreekpunt@demo.doorbraak.nl'`,
      [`e2e-${tag}`, person.email, person.name],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "userId", role, "gemeenteId") SELECT $1, $2, 'AANSPREEKPUNT', id FROM "Gemeente" WHERE "cbsCode" = 'GM0344'`,
      [`e2e-m-${tag}`, `e2e-${tag}`],
    );
  });
  return person;
}

/** A new parent with the demo password and nothing filed yet, made in the database as registering would. */
export async function createParent(): Promise<{ email: string; name: string }> {
  const tag = randomBytes(4).toString("hex");
  const person = { email: `ouder.${tag}@demo.doorbraak.nl`, name: `Olga Ouder ${tag}` };
  await inTestDatabase(async (client) => {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash") SELECT $1, $2, $3, "passwordHash" FROM "User" WHERE email = 'ouder@demo.doorbraak.nl'`,
      [`e2e-p-${tag}`, person.email, person.name],
    );
    await client.query(`INSERT INTO "Membership" (id, "userId", role) VALUES ($1, $2, 'FAMILY')`, [`e2e-pm-${tag}`, `e2e-p-${tag}`]);
  });
  return person;
}

/** Types the e-mail address and a password into the sign-in form and sends it with Enter. */
export async function typePassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByLabel("Wachtwoord").press("Enter");
}

/** Every page a journey visits must pass axe's WCAG 2.0/2.1 A and AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next.js streams a dynamic page's <title> after its body: wait until it has arrived,
  // or axe may check a page that is still being written and miss its title.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  // Two fields with one id make a label point at the wrong field; axe no longer reports that.
  const duplicateIds = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
    return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  });
  expect(duplicateIds, `duplicate ids on ${page.url()}`).toEqual([]);
}

/** Ticks what blocks the case and who is involved in the referral form, as referring asks. */
export async function recordImpasseForReferral(page: Page): Promise<void> {
  const refer = page.getByRole("region", { name: "Doorverwijzen naar het expertteam" });
  await refer.getByRole("group", { name: /Wat houdt de hulp tegen/ }).getByLabel("Organisaties werken niet samen").check();
  await refer.getByRole("group", { name: /Welke soorten organisaties/ }).getByLabel("Jeugdhulpaanbieder").check();
}

/** Opens an action the staff case page folds away (one that is not a usual next step of the case). */
export async function openAction(page: Page, title: string): Promise<void> {
  const section = page.getByRole("region", { name: title });
  await section.getByRole("heading", { name: title }).click();
  await expect(section.locator("details")).toHaveAttribute("open", "");
}

/** Opens a folded part of a page (a details element) by its summary's text, if it is not open yet. */
export async function openFold(page: Page, summary: string): Promise<void> {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) }).last();
  if ((await details.getAttribute("open")) === null) await details.locator("summary", { hasText: summary }).click();
  await expect(details).toHaveAttribute("open", "");
}

/**
 * Ticks a box of a form the server just answered. React resets the form once the
 * action's transition ends, which can come just after the answer shows; a tick in
 * between is undone, so it is tried again until it holds.
 */
export async function checkAfterAnswer(box: Locator): Promise<void> {
  await expect(async () => {
    await box.check({ timeout: 1_000 });
    await expect(box).toBeChecked({ timeout: 500 });
  }).toPass();
}
