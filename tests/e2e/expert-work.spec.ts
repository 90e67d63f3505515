import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { checkAfterAnswer, expectAccessible, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";
import { dayFromNow } from "../support/days";

/**
 * The expert team's work on a referred case, through the UI: a parent files →
 * the aanspreekpunt claims and refers → the expert sees the case's step of
 * procesregie in the queue, logs two interventions (one with the parent there,
 * one with an internal note) and proposes a decision → the decision holder
 * records it with two assignments → the parent reads both interventions in
 * plain words, without the internal note, and the decision → the parent
 * downloads the decision letter and says one assignment was not carried out →
 * the aanspreekpunt reads that, marks both assignments done and closes the case
 * with an evaluation → the parent sees it closed. Every page visited is
 * scanned with axe. Uses a case of its own: the demo seed's cases belong to
 * other specs.
 */
test.describe.configure({ mode: "serial" });

const childName = `Sam Expert ${Date.now().toString(36)}`;
const notCarriedOut = "De Brug is niet op school geweest. Niemand heeft ons gebeld.";
const internalNote = "Intern: de aanbieder twijfelt of zij de zorg kan leveren. Niet delen met het gezin.";
let caseNumber = "";

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

async function openCase(page: Page): Promise<void> {
  await visit(page, `/zaken/${caseNumber}`);
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
}

function currentStep(page: Page) {
  return page.getByRole("region", { name: "Procesregie van het expertteam" }).locator('[aria-current="step"]');
}

test("a parent files a case for Den Haag", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  caseNumber = await fileForDenHaag(page, childName, "Sam zit thuis. De school en de zorgaanbieder wijzen naar elkaar.");
  await signOut(page);
});

test("the aanspreekpunt claims the case and refers it to the expert team", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await openCase(page);
  // Before the referral the case has no procesregie of the expert team.
  await expect(page.getByRole("heading", { level: 2, name: "Procesregie van het expertteam" })).toHaveCount(0);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await page.getByLabel("Uw vraag aan het expertteam").fill("School en zorgaanbieder wijzen naar elkaar. Wilt u een casusoverleg leiden?");
  // What blocks the case and who is involved, as seen now; closing starts from these.
  const refer = page.getByRole("region", { name: "Doorverwijzen naar het expertteam" });
  await refer.getByRole("group", { name: /Wat houdt de hulp tegen/ }).getByLabel("Organisaties werken niet samen").check();
  await refer.getByRole("group", { name: /Welke soorten organisaties/ }).getByRole("checkbox", { name: /^School / }).check();
  await refer.getByRole("group", { name: /Welke soorten organisaties/ }).getByLabel("Jeugdhulpaanbieder").check();
  await page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(page.getByRole("main").getByText("Bij het expertteam").first()).toBeVisible();
  await expect(currentStep(page)).toContainText("Aanmelding en triage");
  await expectAccessible(page);
  await signOut(page);
});

test("an expert logs two interventions and proposes a decision", async ({ page }) => {
  await signIn(page, "expert@demo.doorbraak.nl");
  await expect(page).toHaveURL(/\/expertteam$/);
  await expectAccessible(page);
  await expect(page.getByRole("columnheader", { name: "Stap van de procesregie" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: caseNumber }) });
  await expect(row).toContainText("Aanmelding en triage");
  await row.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expectAccessible(page);

  // The four steps in order, the first one current, each with what happens in it.
  const steps = page.getByRole("region", { name: "Procesregie van het expertteam" }).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAttribute("aria-current", "step");
  await expect(steps.nth(3)).toContainText("Afschalen en afsluiten");

  // A case conference with the parent and the child, and a note for staff only.
  await page.getByLabel("Soort interventie").selectOption({ label: "Casusoverleg met de partijen" });
  await page.getByLabel("Wie waren erbij?").fill("Moeder, Sam, school, zorgaanbieder, leerplicht");
  await page.getByLabel("Het gezin (een ouder of verzorger) was erbij betrokken").check();
  await page.getByLabel("Het kind of de jongere deed zelf mee").check();
  await page.getByLabel("Hoe deden de ouder en het kind mee?").fill("Moeder was bij het overleg. Sam vertelde zelf wat hij nodig heeft.");
  await page.getByLabel("Uitkomst").fill("Iedereen is het eens: Sam heeft een plek nodig met onderwijs en zorg.");
  await page.getByLabel("Volgende stap").fill("Het expertteam vraagt twee scholen om een plek.");
  await page.getByLabel("Interne notitie").fill(internalNote);
  await page.getByRole("button", { name: "Interventie vastleggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Interventies" })).toBeVisible();
  await expect(currentStep(page)).toContainText("Samen analyseren en een plan maken");
  await expectAccessible(page);

  // A consultation without the family.
  await page.getByLabel("Soort interventie").selectOption({ label: "Consultatie en advies" });
  await page.getByLabel("Wie waren erbij?").fill("Leerplichtambtenaar Den Haag");
  await page.getByLabel("Uitkomst").fill("Leerplicht steunt een tijdelijke plek met zorg.");
  await page.getByRole("button", { name: "Interventie vastleggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();

  // Staff see both in a timeline with every field, the internal note marked as such.
  const log = page.getByRole("list", { name: "Interventies, oudste eerst" });
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await expect(log).toContainText("Casusoverleg met de partijen");
  await expect(log).toContainText("Consultatie en advies");
  await expect(log).toContainText("Moeder was bij het overleg.");
  await expect(log).toContainText(internalNote);
  await expect(log).toContainText("Intern: niet zichtbaar voor het gezin");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: /^Voorstel/ }).fill("De gemeente zet door: het samenwerkingsverband regelt een plek met zorg.");
  await page.getByRole("textbox", { name: /Onderbouwing/ }).fill("Na het casusoverleg neemt niemand de regie.");
  await page.getByRole("button", { name: "Besluit voorstellen" }).click();
  await expect(page.getByRole("main").getByText("Besluit wordt voorbereid").first()).toBeVisible();
  await expect(currentStep(page)).toContainText("Samen analyseren en een plan maken");
  await expectAccessible(page);
  await signOut(page);
});

test("the decision holder records the decision with two assignments", async ({ page }) => {
  await signIn(page, "beslisser@demo.doorbraak.nl");
  await openCase(page);

  const inAMonth = dayFromNow(30);
  const inSixWeeks = dayFromNow(42);
  await page.getByLabel("Grondslag").fill("Jeugdwet artikel 2.3 en de afspraken over doorzettingsmacht in Haaglanden");
  await page.getByRole("textbox", { name: /Onderbouwing/ }).fill("Sam heeft recht op passend onderwijs met zorg.");
  await page.getByRole("button", { name: "Nog een opdracht toevoegen" }).click();
  const party = page.getByLabel("Welke partij");
  const what = page.getByLabel("Wat moet er gebeuren");
  const due = page.getByLabel("Uiterlijk op");
  const payer = page.getByLabel("Wie betaalt");
  await expect(party).toHaveCount(2);
  await party.nth(0).fill("Samenwerkingsverband Passend Onderwijs");
  await what.nth(0).fill("Een plek op een school met zorg voor Sam");
  await due.nth(0).fill(inAMonth);
  await payer.nth(0).fill("Samenwerkingsverband");
  await party.nth(1).fill("Zorgaanbieder De Brug");
  await what.nth(1).fill("Begeleiding op school, twee dagdelen per week");
  await due.nth(1).fill(inSixWeeks);
  await payer.nth(1).fill("Gemeente Den Haag");
  await expectAccessible(page);
  await page.getByLabel("Ik weet dat dit besluit bindend is en leg het vast.").check();
  await page.getByRole("button", { name: "Besluit vastleggen" }).click();

  await expect(page.getByRole("heading", { level: 2, name: "Besluiten" })).toBeVisible();
  const assignments = page.getByRole("table", { name: "Opdrachten uit het besluit" });
  await expect(assignments.locator("tbody tr")).toHaveCount(2);
  await expect(currentStep(page)).toContainText("Volgen");
  // Someone who did not propose it may correct the decision later.
  await expect(page.getByRole("heading", { name: "Besluit corrigeren" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

test("the parent reads both interventions in plain words, without the internal note, and the decision", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await visit(page, "/mijn-meldingen");
  await page.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${caseNumber}` })).toBeVisible();
  await expectAccessible(page);

  const work = page.getByRole("region", { name: "Wat heeft het expertteam gedaan?" });
  const items = work.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByRole("heading", { level: 3 })).toContainText("Casusoverleg met de partijen op");
  await expect(items.nth(0)).toContainText("Moeder, Sam, school, zorgaanbieder, leerplicht");
  await expect(items.nth(0)).toContainText("Er was een ouder bij.");
  await expect(items.nth(0)).toContainText(`${childName} deed zelf mee.`);
  await expect(items.nth(0)).toContainText("Moeder was bij het overleg. Sam vertelde zelf wat hij nodig heeft.");
  await expect(items.nth(0)).toContainText("Iedereen is het eens: Sam heeft een plek nodig met onderwijs en zorg.");
  await expect(items.nth(0)).toContainText("Het expertteam vraagt twee scholen om een plek.");
  await expect(items.nth(1).getByRole("heading", { level: 3 })).toContainText("Consultatie en advies op");
  await expect(items.nth(1)).toContainText("Er was geen ouder bij.");
  await expect(items.nth(1)).toContainText(`${childName} deed niet zelf mee.`);
  await expect(page.locator("main")).not.toContainText(internalNote);
  await expect(page.locator("main")).not.toContainText("Interne notitie");

  await expect(page.getByRole("heading", { level: 2, name: "Besluit van de gemeente" })).toBeVisible();
  const assignments = page.getByRole("list", { name: "Stand van de opdrachten" });
  await expect(assignments).toContainText("Samenwerkingsverband Passend Onderwijs");
  await expect(assignments).toContainText("Zorgaanbieder De Brug");
  await expectAccessible(page);
  await signOut(page);
});

test("the parent downloads the decision letter and says one assignment was not carried out", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await visit(page, `/mijn-meldingen/${caseNumber}`);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download de besluitbrief (pdf)" }).click();
  const letter = await downloading;
  expect(letter.suggestedFilename()).toBe(`besluit-${caseNumber}.pdf`);
  expect((await readFile(await letter.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const brug = page.getByRole("list", { name: "Stand van de opdrachten" }).getByRole("listitem").filter({ hasText: "Zorgaanbieder De Brug" });
  await expect(brug).toContainText("Nog te doen");
  await brug.getByText("Dit is niet gebeurd").click();
  await expectAccessible(page);
  await brug.getByLabel("Wat is er niet gebeurd?").fill(notCarriedOut);
  await brug.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uw melding is verstuurd." })).toBeVisible();

  const sent = page.getByRole("list", { name: "Stand van de opdrachten" }).getByRole("listitem").filter({ hasText: "Zorgaanbieder De Brug" });
  await expect(sent.getByRole("heading", { name: "Meldingen over deze opdracht" })).toBeVisible();
  await expect(sent).toContainText(notCarriedOut);
  await expectAccessible(page);
  await signOut(page);
});

test("the aanspreekpunt reads the report, marks both assignments done and closes the case with an evaluation", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  // The report reaches the person who holds the case.
  await visit(page, "/notificaties");
  await expect(page.getByRole("main")).toContainText(caseNumber);
  await openCase(page);

  // Closing is not offered while assignments are open.
  await expect(page.getByText("Er staan nog 2 opdrachten uit het besluit open.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Melding afsluiten" })).toHaveCount(0);

  const assignment = (party: string) => page.getByRole("listitem", { name: new RegExp(party) });
  await expect(assignment("Zorgaanbieder De Brug")).toContainText(notCarriedOut);
  await expect(assignment("Samenwerkingsverband Passend Onderwijs")).toContainText("Het gezin en de organisatie hebben niets gemeld over deze opdracht.");

  const settle = async (party: string, evidence: string) => {
    const item = assignment(party);
    await item.getByLabel("Gedaan: de opdracht is uitgevoerd").check();
    await item.getByLabel("Toelichting").fill(evidence);
    await item.getByRole("button", { name: "Stand opslaan" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Gelukt" })).toBeVisible();
    await expect(assignment(party).getByRole("heading", { level: 3 })).toContainText("Gedaan");
  };
  await settle("Zorgaanbieder De Brug", "Na de melding van moeder is De Brug op 2 maart begonnen. De school bevestigt dit.");
  await expect(page.getByRole("main").getByText("Uitvoering wordt gevolgd").first()).toBeVisible();
  await expect(page.getByText("Er staat nog 1 opdracht uit het besluit open.")).toBeVisible();
  await expectAccessible(page);
  await settle("Samenwerkingsverband Passend Onderwijs", "Sam gaat sinds 1 maart naar De Horizon, met zorg in de klas.");

  await page.getByLabel("Opgelost: de hulp is geregeld").check();
  await page.getByLabel("Toelichting voor het gezin").fill("Sam heeft een plek op school met begeleiding. Daarmee is de melding klaar.");
  // The referral's causes and organisations are already ticked; a closing without an outcome is refused at the field.
  const causes = page.getByRole("group", { name: /Wat houdt de hulp tegen/ });
  const kinds = page.getByRole("group", { name: /Welke soorten organisaties/ });
  await expect(causes.getByLabel("Organisaties werken niet samen")).toBeChecked();
  await expect(kinds.getByLabel("Jeugdhulpaanbieder")).toBeChecked();
  await causes.getByLabel("Onenigheid over wie betaalt").check();
  await causes.getByLabel("Geen passende plek op school").check();
  await kinds.getByLabel("Samenwerkingsverband passend onderwijs").check();
  await page.getByLabel("Wat heeft de doorbraak gebracht?").fill("Het casusoverleg met alle partijen en het besluit met doorzettingsmacht.");
  await page.getByRole("button", { name: "Melding afsluiten" }).click();
  await expect(page.getByRole("group", { name: /Hoe is het opgelost/ })).toContainText("Vul dit in.");
  await expect(page.getByLabel("Wat heeft de doorbraak gebracht?")).toHaveValue(/Het casusoverleg met alle partijen/);
  await page.getByLabel("Door een besluit met doorzettingsmacht").check();
  await page.getByLabel("Op welke dag begon de hulp echt?").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()));
  // Closing cannot be undone: the form says so and asks for a tick first.
  await page.getByRole("button", { name: "Melding afsluiten" }).click();
  await expect(page.getByLabel("Ik weet dat de melding hiermee wordt afgesloten.")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Wat heeft de doorbraak gebracht?")).toHaveValue(/Het casusoverleg met alle partijen/);
  await checkAfterAnswer(page.getByLabel("Ik weet dat de melding hiermee wordt afgesloten."));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Melding afsluiten" }).click();

  await expect(page.getByRole("main").getByText("Afgesloten").first()).toBeVisible();
  const evaluation = page.getByRole("region", { name: "Evaluatie" });
  await expect(evaluation).toContainText("Onenigheid over wie betaalt");
  await expect(evaluation).toContainText("Organisaties werken niet samen");
  await expect(evaluation).toContainText("Samenwerkingsverband passend onderwijs");
  await expect(evaluation).toContainText("Door een besluit met doorzettingsmacht");
  await expect(evaluation).toContainText("Het gezin heeft deze dag nog niet bevestigd.");
  await expect(evaluation).toContainText("Het casusoverleg met alle partijen");
  await expect(evaluation.getByRole("table", { name: "Werkdagen per stap" }).getByRole("row", { name: /Bij het expertteam/ })).toBeVisible();
  await expect(currentStep(page)).toContainText("Afschalen en afsluiten");
  await expectAccessible(page);
  await signOut(page);
});

test("the parent sees the case closed, both assignments done, no evaluation, and confirms the day help started", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await visit(page, `/mijn-meldingen/${caseNumber}`);
  await expect(page.getByRole("main")).toContainText("Sam heeft een plek op school met begeleiding.");
  const items = page.getByRole("list", { name: "Stand van de opdrachten" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(items).toHaveCount(2);
  for (const item of await items.all()) await expect(item).toContainText("Dit is gedaan.");
  await expect(page.getByRole("button", { name: "Melding versturen" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText("Evaluatie");
  await expect(page.getByRole("main")).not.toContainText("Het casusoverleg met alle partijen en het besluit");
  const helpStart = page.getByRole("region", { name: "Wanneer begon de hulp?" });
  await helpStart.getByLabel(/Ja, de hulp begon op/).check();
  await helpStart.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByRole("region", { name: "Wanneer begon de hulp?" })).toContainText(/De hulp begon op/);
  await expect(page.getByRole("button", { name: "Antwoord versturen" })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
});

test("the aanspreekpunt sees that the family confirmed the day", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await openCase(page);
  await expect(page.getByRole("region", { name: "Evaluatie" })).toContainText(/Het gezin heeft deze dag op .* bevestigd\./);
  await signOut(page);
});
