import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createParent, expectAccessible, inTestDatabase, openAction, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";
import { assignmentLinkFor } from "./mail-links";
import { dayFromNow } from "../support/days";

/** A new entry of Den Haag's directory, with an address of its own, as the gemeente admin adds one. */
async function directoryEntry(kind: string, name: string): Promise<{ name: string; email: string }> {
  const tag = randomBytes(4).toString("hex");
  const entry = { name: `${name} ${tag}`, email: `opdracht.${tag}@organisatie.example` };
  await inTestDatabase((client) =>
    client.query(
      `INSERT INTO "Organisation" (id, "gemeenteId", kind, name, email, "contactName", "updatedAt")
       SELECT $1, id, $2, $3, $4, 'Contactpersoon', now() FROM "Gemeente" WHERE "cbsCode" = 'GM0518'`,
      [`e2e-o-${tag}`, kind, entry.name, entry.email],
    ),
  );
  return entry;
}

async function nameOrganisation(page: Page, label: string, part: string): Promise<void> {
  await openAction(page, "Organisatie noemen");
  const link = page.getByRole("region", { name: "Organisatie noemen" });
  await link.getByLabel("Organisatie (verplicht)", { exact: true }).selectOption({ label });
  await link.getByLabel(part).check();
  await link.getByRole("button", { name: "Organisatie noemen" }).click();
  await expect(page.getByRole("region", { name: "Organisaties in deze melding" })).toContainText(label.replace(/ \(.*\)$/, ""));
}

test("each organisation with a task gets its own link, reports through it, and staff and the family see the reports", async ({ page }) => {
  const school = await directoryEntry("SCHOOL", "Basisschool Het Anker");
  const provider = await directoryEntry("JEUGDHULPAANBIEDER", "Jeugdhulp De Haven");
  const parent = await createParent();
  const child = `Mila ${Date.now().toString(36)}`;

  await signIn(page, parent.email);
  const number = await fileForDenHaag(page, child, "Mila zit al maanden thuis. School en zorg wijzen naar elkaar.");
  await signOut(page);

  // The aanspreekpunt names both organisations from the directory and proposes a decision.
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await nameOrganisation(page, `${school.name} (School)`, "Moet iets doen");
  await nameOrganisation(page, `${provider.name} (Jeugdhulpaanbieder)`, "Moet iets doen");
  await page.getByLabel("Wat gaat u doen?").fill("Ik bel school en zorgaanbieder en maak een afspraak.");
  await page.getByRole("button", { name: "Lokale doorbraak starten" }).click();
  await expect(page.getByRole("main").getByText("Gemeente zoekt een oplossing").first()).toBeVisible();
  await openAction(page, "Besluit voorstellen");
  await page.getByRole("textbox", { name: /^Voorstel/ }).fill("De school geeft een plek, de aanbieder begeleidt thuis.");
  await page.getByRole("textbox", { name: /Onderbouwing/ }).fill("School en zorg komen er samen niet uit.");
  await page.getByRole("button", { name: "Besluit voorstellen" }).click();
  await expect(page.getByRole("main").getByText("Besluit wordt voorbereid").first()).toBeVisible();
  await signOut(page);

  // The decision holder gives each organisation its task by picking it.
  await signIn(page, "beslisser@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  const decide = page.getByRole("region", { name: "Besluit nemen (doorzettingsmacht)" });
  const inAMonth = dayFromNow(30);
  await decide.getByLabel("Grondslag").fill("Jeugdwet artikel 2.3");
  await decide.getByLabel("Organisatie uit de melding").selectOption({ label: school.name });
  await decide.getByLabel("Wat moet er gebeuren").fill("Een plek in groep 6 met extra begeleiding");
  await decide.getByLabel("Uiterlijk op").fill(inAMonth);
  await decide.getByLabel("Wie betaalt").fill("Samenwerkingsverband");
  await decide.getByRole("button", { name: "Nog een opdracht toevoegen" }).click();
  const second = decide.getByRole("group", { name: "Opdracht 2" });
  await second.getByLabel("Organisatie uit de melding").selectOption({ label: provider.name });
  await second.getByLabel("Wat moet er gebeuren").fill("Begeleiding thuis, twee dagdelen per week");
  await second.getByLabel("Uiterlijk op").fill(inAMonth);
  await second.getByLabel("Wie betaalt").fill("Gemeente Den Haag");
  await expectAccessible(page);
  await decide.getByRole("checkbox", { name: "Ik weet dat dit besluit bindend is en leg het vast." }).check();
  await decide.getByRole("button", { name: "Besluit vastleggen" }).click();
  await expect(page.getByRole("main").getByText("Besluit genomen").first()).toBeVisible();
  const schoolTask = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: school.name }) });
  await expect(schoolTask).toContainText(`Gestuurd naar ${school.email}`);
  await signOut(page);

  // The school opens its link without an account: its own task, nothing of the other one.
  const schoolLink = await assignmentLinkFor(school.email);
  await page.goto(schoolLink);
  await expect(page.getByRole("heading", { level: 1, name: `Opdracht voor ${school.name}` })).toBeVisible();
  const task = page.getByRole("region", { name: "Uw opdracht" });
  await expect(task).toContainText("Een plek in groep 6 met extra begeleiding");
  await expect(task).toContainText(child);
  await expect(page.getByRole("main")).not.toContainText("Begeleiding thuis");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, wij hebben de opdracht ontvangen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dank u. De gemeente ziet dat u de opdracht heeft ontvangen." })).toBeVisible();
  await expect(page.getByText(/U heeft laten weten dat u de opdracht heeft ontvangen op/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, wij hebben de opdracht ontvangen" })).toHaveCount(0);

  // "Done" without saying what was done is refused at the field; the date stays.
  const done = page.getByRole("region", { name: "Is de opdracht klaar?" });
  await done.getByRole("button", { name: "Melden dat het klaar is" }).click();
  await expect(done.getByLabel(/Wat is er gedaan/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await done.getByLabel(/Wat is er gedaan/).fill("Mila is gestart in groep 6, met een begeleider in de klas.");
  await done.getByRole("button", { name: "Melden dat het klaar is" }).click();
  await expect(page.getByText("Deze opdracht is afgerond. U hoeft niets meer te melden.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Wat u al heeft gemeld" })).toContainText("Mila is gestart in groep 6");

  // The provider reports a problem through its own link.
  const providerLink = await assignmentLinkFor(provider.email);
  await page.goto(providerLink);
  await expect(page.getByRole("region", { name: "Uw opdracht" })).toContainText("Begeleiding thuis, twee dagdelen per week");
  await expect(page.getByRole("main")).not.toContainText("groep 6");
  const problem = page.getByRole("region", { name: "Lukt het niet, of niet op tijd?" });
  await problem.getByLabel(/Wat is het probleem/).fill("Er is pas plek over acht weken.");
  await problem.getByRole("button", { name: "Probleem melden" }).click();
  await expect(page.getByRole("region", { name: "Wat u al heeft gemeld" })).toContainText("Er is pas plek over acht weken.");
  await expectAccessible(page);

  // Staff see both reports, and stop the provider's link.
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  const staffSchool = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: school.name }) });
  await expect(staffSchool).toContainText("Organisatie: klaar");
  await expect(staffSchool).toContainText("Mila is gestart in groep 6");
  const staffProvider = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: provider.name }) });
  await expect(staffProvider).toContainText("Organisatie: probleem");
  await expect(staffProvider).toContainText("Er is pas plek over acht weken.");
  await staffProvider.getByRole("button", { name: "Link intrekken" }).click();
  await expect(staffProvider).toContainText("Ingetrokken.");
  await expectAccessible(page);
  await signOut(page);

  // The family reads both reports on their page.
  await signIn(page, parent.email);
  await page.goto(`/mijn-meldingen/${number}`);
  const tasks = page.getByRole("list", { name: "Stand van de opdrachten" });
  await expect(tasks).toContainText(`${school.name} meldt dat de opdracht klaar is`);
  await expect(tasks).toContainText(`${provider.name} meldt een probleem met de opdracht`);
  // The family's log of who looked at the case names the organisations that opened their task.
  await expect(page.locator("#wie-heeft-bekeken")).toContainText(`${school.name}, een organisatie met een opdracht uit het besluit, heeft haar eigen opdracht bekeken.`);
  await signOut(page);

  // A revoked link shows a clear page; so does an expired one; an unknown one is not found.
  await page.goto(providerLink);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Begeleiding thuis");
  await expectAccessible(page);
  await inTestDatabase((client) => client.query(`UPDATE "AssignmentLink" SET "expiresAt" = now() - interval '1 day' WHERE email = $1`, [school.email]));
  await page.goto(schoolLink);
  await expect(page.getByText("Deze link is verlopen.")).toBeVisible();
  await page.goto(`/opdracht/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet" })).toBeVisible();
});
