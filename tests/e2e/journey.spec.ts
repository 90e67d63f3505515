import { expect, test, type Page } from "@playwright/test";
import { checkAfterAnswer, expectAccessible, signIn, signOut, recordImpasseForReferral } from "./fixtures";
import { expectStep, nextStep } from "./filing";
import { dayFromNow } from "../support/days";

/**
 * The whole escalation journey through the UI, switching between the roles:
 * parent files → aanspreekpunt claims and refers → expert logs an intervention
 * and proposes → decision holder decides → parent sees the decision →
 * ombudsman reads the audit trail. Every page visited is scanned with axe.
 */
test.describe.configure({ mode: "serial" });

const childName = `Lieke Test ${Date.now().toString(36)}`;
let caseNumber = "";

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

test("a parent files a stuck case and gets a case number", async ({ page }) => {
  await visit(page, "/");
  await page.getByRole("link", { name: "Melding doen" }).first().click();
  await expect(page).toHaveURL(/inloggen/);
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill("ouder@demo.doorbraak.nl");
  await page.getByLabel("Wachtwoord").fill("doorbraak-demo-2026");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Melding doen" })).toBeVisible();
  await expectAccessible(page);

  // Step by step; each step checks its own answers before moving on.
  await expectStep(page, "Welke gemeente is verantwoordelijk?");
  // The search box narrows the 342 gemeenten; Den Haag is found by the name people use.
  await page.getByLabel("Zoek een gemeente in de lijst").fill("den haag");
  await expect(page.getByLabel("In welke gemeente woont het kind?").locator("option")).toHaveCount(2);
  await page.getByLabel("In welke gemeente woont het kind?").selectOption({ label: "Den Haag ('s-Gravenhage)" });
  await nextStep(page);
  await expectStep(page, "Wie doet de melding?");
  await expect(page.getByLabel("Ouder of verzorger met gezag")).toBeChecked();
  await nextStep(page);
  await expectStep(page, "Over het kind");
  await page.getByLabel("Naam van het kind").fill(childName);
  await nextStep(page);
  await expect(page.locator("main").getByRole("alert")).toContainText("Niet alles op dit scherm is goed ingevuld");
  await expect(page.getByText("Vul een datum in.")).toBeVisible();
  await expect(page.getByLabel("Naam van het kind")).toHaveValue(childName);
  await expectAccessible(page);
  await page.getByLabel("Geboortedatum van het kind").fill("2014-06-01");
  await nextStep(page);
  await expectStep(page, "School");
  await page.getByLabel("Nee, het kind zit thuis zonder school").check();
  await page.getByLabel(/Sinds wanneer gaat het kind niet/).fill("2026-03-02");
  // What a thuiszitter's family knows about school, in plain words; each may stay open.
  await page.getByLabel(/Op welke school staat het kind ingeschreven/).fill("Het Duin College");
  await page.getByRole("group", { name: /Weet de leerplichtambtenaar/ }).getByLabel("Ja", { exact: true }).check();
  await page.getByLabel(/Wanneer is de leerplichtambtenaar het verteld/).fill("2026-03-10");
  await page.getByRole("group", { name: /onderwijsconsulent/ }).getByLabel("Dat weet ik niet").check();
  // Leerplicht may hear that there is a case (Den Haag's leerplicht contact gets a mail without its content).
  await page.getByRole("group", { name: /Mag de gemeente de leerplichtambtenaar/ }).getByLabel("Ja, dat mag").check();
  await expectAccessible(page);
  await nextStep(page);
  await expectStep(page, "Wat zit er vast?");
  await page
    .getByLabel("Wat gaat er mis?")
    .fill("Lieke zit al vier maanden thuis. School en zorgaanbieder wijzen naar elkaar.");
  await page.getByLabel("Jeugdhulp").check();
  await page.getByLabel("Onderwijs of thuiszitten").check();
  await nextStep(page);
  await expectStep(page, "Wie zei nee?");
  await page.getByLabel(/Welke organisaties zeiden nee/).fill("De school en de zorgaanbieder.");
  await nextStep(page);
  await expectStep(page, "Wat is al geprobeerd?");
  await page.getByLabel("Wat heeft u al geprobeerd?").fill("Gesprekken met school en het wijkteam.");
  await nextStep(page);
  await expectStep(page, "Wat is er nodig?");
  await page.getByLabel("Wat heeft uw kind nodig?").fill("Onderwijs met zorg erbij.");
  // The child's own view, in the child's words.
  await page.getByLabel("Wat wil uw kind zelf?").fill("Weer naar school, in een kleine klas.");
  await page.getByLabel("Ja, mijn kind wil zelf gehoord worden").check();
  await nextStep(page);
  await expectStep(page, "Hoe dringend is het?");
  await page.getByLabel("Hoog").check();
  await nextStep(page);
  await expectStep(page, "Toestemming");
  // Before consent: who reads the case, how long it is kept, how to withdraw.
  await expect(page.getByRole("heading", { name: "Wie leest uw melding?" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Meestal is dat 24 maanden.");
  await page.getByLabel(/Ik geef toestemming/).check();
  await nextStep(page);
  await expectStep(page, "Contact");
  await nextStep(page);
  // Documents go with the filing. A text file named .pdf is refused when the form is sent:
  // the form comes back at this step with the message, and nothing is filed.
  await expectStep(page, "Documenten (niet verplicht)");
  await page.getByLabel("Bestanden").setInputFiles({ name: "geen-pdf.pdf", mimeType: "application/pdf", buffer: Buffer.from("Dit is geen pdf.") });
  await nextStep(page);
  await expectStep(page, "Kijk alles na");
  await expect(page.locator("main")).toContainText("geen-pdf.pdf");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expectStep(page, "Documenten (niet verplicht)");
  await expect(page.locator("#documents-error")).toHaveText(/Een van de bestanden is geen PDF of foto/);
  await expect(page.getByLabel("Bestanden")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Bestanden").setInputFiles({ name: "verslag-school.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await nextStep(page);
  await expectStep(page, "Kijk alles na");
  await expect(page.locator("main")).toContainText(childName);
  await expect(page.locator("main")).toContainText("Den Haag ('s-Gravenhage)");
  await page.getByRole("button", { name: "Melding versturen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Uw melding is verstuurd" })).toBeVisible();
  const text = await page.locator("main").innerText();
  caseNumber = /DB-\d{4}-\d{6}/.exec(text)?.[0] ?? "";
  expect(caseNumber).not.toBe("");
  await expect(page.locator("main")).toContainText("Aanspreekpunt Jeugd Den Haag");
  // What happens next, that documents can follow, and who helps independently.
  await expect(page.getByRole("heading", { level: 2, name: "Wat gebeurt er nu?" })).toBeVisible();
  await expect(page.locator("main")).toContainText("U kunt documenten ook later toevoegen bij uw melding.");
  await expect(page.locator("main")).toContainText("In de gemeente Den Haag: Cliëntondersteuning Den Haag (voorbeeld).");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Bekijk uw melding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expect(page.locator("main")).toContainText("Ontvangen");
  await expect(page.locator("main")).toContainText("De gemeente heeft de leerplichtambtenaar laten weten dat er een melding is. U vond dat goed.");
  // The document sent with the filing is on the case.
  await expect(page.getByRole("table", { name: "Documenten bij deze melding, nieuwste eerst" })).toContainText("verslag-school.pdf");
  // The gemeente by the name the parent chose it by, not CBS's "'s-Gravenhage".
  await expect(page.locator("main")).toContainText(`gemeld bij de gemeente Den Haag.`);
  await expect(page.locator("main")).not.toContainText("'s-Gravenhage");
  await expectAccessible(page);
  await signOut(page);
});

async function openCaseFromQueue(page: Page, queuePath: string): Promise<void> {
  await visit(page, queuePath);
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expectAccessible(page);
}

test("the aanspreekpunt claims the case and refers it to the expert team", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/werkbak$/);
  await openCaseFromQueue(page, "/werkbak");
  await expect(page.locator("main")).toContainText(childName);

  // Only claiming is possible on a new case.
  await expect(page.getByRole("button", { name: "Doorverwijzen" })).toHaveCount(0);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Oppakken" })).toHaveCount(0);
  await expect(page.locator("main")).toContainText("Opgepakt door");
  await expect(page.getByRole("region", { name: "Gegevens" })).toContainText("Weer naar school, in een kleine klas.");
  await expect(page.getByRole("region", { name: "Gegevens" })).toContainText("School: Het Duin College");
  await expect(page.getByRole("region", { name: "Gegevens" })).toContainText("Leerplicht weet ervan sinds 10 maart 2026");
  await expect(page.getByRole("region", { name: "Gegevens" })).toContainText("Het gezin vindt het goed dat leerplicht van de melding hoort (ingelicht op");

  // A question that is too short gets a message next to the field and is kept.
  await page.getByLabel("Uw vraag aan het expertteam").fill("Help");
  await page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(page.getByText("Dit is te kort. Schrijf iets meer.")).toBeVisible();
  await expect(page.getByLabel("Uw vraag aan het expertteam")).toHaveValue("Help");
  await expectAccessible(page);

  await page
    .getByLabel("Uw vraag aan het expertteam")
    .fill("School en zorgaanbieder wijzen naar elkaar. Wilt u een casusoverleg leiden?");
  await recordImpasseForReferral(page);
  await page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(page.getByRole("main").getByText("Bij het expertteam").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test("another gemeente's aanspreekpunt cannot open the case", async ({ page }) => {
  await signIn(page, "aanspreekpunt.delft@demo.doorbraak.nl");
  await page.goto(`/zaken/${caseNumber}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
  await signOut(page);
});

test("an expert logs an intervention and proposes a decision", async ({ page }) => {
  await signIn(page, "expert@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/expertteam$/);
  await openCaseFromQueue(page, "/expertteam");

  await page.getByLabel("Soort interventie").selectOption({ label: "Casusoverleg met de partijen" });
  await page.getByLabel("Wie waren erbij?").fill("Ouders, Lieke, school, zorgaanbieder, leerplicht");
  await page.getByLabel(/Het gezin .* was erbij betrokken/).check();
  await page.getByLabel("Uitkomst").fill("Iedereen is het eens over een plek met onderwijs en zorg.");
  await page.getByRole("button", { name: "Interventie vastleggen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Interventies" })).toBeVisible();

  await page.getByRole("textbox", { name: /^Voorstel/ }).fill("De gemeente zet door: het samenwerkingsverband regelt een plek.");
  await page.getByRole("textbox", { name: /Onderbouwing/ }).fill("Na het casusoverleg neemt niemand de regie.");
  await page.getByRole("button", { name: "Besluit voorstellen" }).click();
  await expect(page.getByRole("main").getByText("Besluit wordt voorbereid").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test("the decision holder records the decision with an assignment", async ({ page }) => {
  await signIn(page, "beslisser@demo.doorbraak.nl");
  await visit(page, "/werkbak?status=DECISION_PROPOSED");
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expectAccessible(page);

  // The decision starts from the expert team's proposal, which need not be typed again.
  const decide = page.getByRole("region", { name: "Besluit nemen (doorzettingsmacht)" });
  await expect(decide).toContainText("De gemeente zet door: het samenwerkingsverband regelt een plek.");
  const rationale = decide.getByRole("textbox", { name: /Onderbouwing/ });
  await expect(rationale).toHaveValue(/^De gemeente zet door: het samenwerkingsverband regelt een plek\.\n\nNa het casusoverleg neemt niemand de regie\.$/);

  const inAMonth = dayFromNow(30);
  await page.getByLabel("Grondslag").fill("Jeugdwet artikel 2.3 en de afspraken over doorzettingsmacht in Haaglanden");
  await rationale.fill("Lieke heeft recht op passend onderwijs met zorg.");
  await page.getByLabel("Welke partij").fill("Samenwerkingsverband Passend Onderwijs");
  await page.getByLabel("Wat moet er gebeuren").fill("Een plek op een school met zorg voor Lieke");
  await page.getByLabel("Uiterlijk op").fill(inAMonth);
  await page.getByLabel("Wie betaalt").fill("Samenwerkingsverband");
  // Without saying they know it binds, nothing is recorded, and what was typed stays.
  await page.getByRole("button", { name: "Besluit vastleggen" }).click();
  const confirm = decide.getByRole("checkbox", { name: "Ik weet dat dit besluit bindend is en leg het vast." });
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(decide).toContainText("Vink aan dat u weet dat het besluit bindend is.");
  await expect(rationale).toHaveValue("Lieke heeft recht op passend onderwijs met zorg.");
  await expect(page.getByRole("main").getByText("Besluit wordt voorbereid").first()).toBeVisible();
  await expectAccessible(page);
  // Ticking the box takes its error away at once.
  await checkAfterAnswer(confirm);
  await expect(confirm).not.toHaveAttribute("aria-invalid", "true");
  await expect(decide).not.toContainText("Vink aan dat u weet dat het besluit bindend is.");
  await page.getByRole("button", { name: "Besluit vastleggen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Besluiten" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Besluit genomen").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test("the parent sees the decision and the assignments", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await visit(page, "/mijn-meldingen");
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expect(page.locator("main")).toContainText("Besluit genomen");
  await expect(page.getByRole("heading", { name: "Besluit van de gemeente" })).toBeVisible();
  const assignments = page.getByRole("list", { name: "Stand van de opdrachten" });
  await expect(assignments).toContainText("Samenwerkingsverband Passend Onderwijs");
  await expect(assignments).toContainText("Een plek op een school met zorg voor Lieke");
  await expectAccessible(page);
  await signOut(page);
});

test("the ombudsman reads the audit trail of every step", async ({ page }) => {
  await signIn(page, "ombudsman@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/ombudsman$/);
  await expectAccessible(page);
  await page.getByLabel("Zoek op meldingsnummer of gemeente").fill(caseNumber);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("1 melding gevonden.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `Audittrail van ${caseNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Audittrail ${caseNumber}` })).toBeVisible();
  await expectAccessible(page);

  const rows = page.getByRole("table", { name: "Gebeurtenissen, oudste eerst" }).locator("tbody tr");
  const expected = [
    ["Melding gedaan", "Sanne de Vries", "Ouder of jongere"],
    ["Opgepakt", "Mirjam Jansen", "Aanspreekpunt"],
    ["Doorverwezen naar expertteam", "Mirjam Jansen", "Aanspreekpunt"],
    ["Interventie vastgelegd", "Ayşe Yılmaz", "Lid expertteam"],
    ["Besluit voorgesteld", "Ayşe Yılmaz", "Lid expertteam"],
    ["Besluit genomen", "Peter Bakker", "Beslisser doorzettingsmacht"],
  ];
  for (const [action, actor, role] of expected) {
    await expect(rows.filter({ hasText: action }).filter({ hasText: actor }).filter({ hasText: role }).first()).toBeVisible();
  }
  // Staff reads are in the trail too, including this one.
  await expect(rows.filter({ hasText: "Melding bekeken" }).first()).toBeVisible();
  await expect(rows.last()).toContainText("Audittrail bekeken");
  await expect(rows.last()).toContainText("Johan de Wit");
  await signOut(page);
});

/** The smallest file that is a PDF by its first bytes. */
function samplePdf(): Buffer {
  return Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
