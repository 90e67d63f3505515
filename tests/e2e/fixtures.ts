import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "doorbraak-demo-2026";

/** Signs in through the real sign-in form. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByText(/Ingelogd als/)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
}

/** The end-to-end database, which scripts/test.ts creates and passes as DATABASE_URL. */
async function inTestDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
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

/** Types the e-mail address and a password into the sign-in form and sends it with Enter. */
export async function typePassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByLabel("Wachtwoord").press("Enter");
}

/** Every page a journey visits must pass axe's WCAG 2.0/2.1 A and AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
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
