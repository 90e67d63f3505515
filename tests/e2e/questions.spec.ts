import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, openAction, recordImpasseForReferral, signIn, signOut } from "./fixtures";
import { fileForDenHaag } from "./filing";

test("the aanspreekpunt asks the family a question and the family answers it", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.getByRole("row", { name: /Emma de Vries/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const caseUrl = page.url();
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByText("Gelukt. De melding is bijgewerkt.")).toBeVisible();
  await page.getByLabel("Uw vraag aan het gezin").fill("Heeft Emma al een verwijzing van de huisarts?");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByRole("main").getByText("Wacht op het gezin").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Vraag versturen" })).toHaveCount(0);
  await expectAccessible(page);
  const number = caseUrl.split("/").pop()!;
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByRole("heading", { name: "De gemeente heeft een vraag voor u" })).toBeVisible();
  await expect(page.getByText("Heeft Emma al een verwijzing van de huisarts?")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Uw antwoord").fill("Ja, sinds vorige week.");
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("U heeft de vraag beantwoord.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "De gemeente heeft een vraag voor u" })).toHaveCount(0);
  // The question and the answer stay on the family's page, with their days.
  const answered = page.getByRole("region", { name: "Eerdere vragen en antwoorden" }).getByRole("listitem").first();
  await expect(answered).toContainText("Heeft Emma al een verwijzing van de huisarts?");
  await expect(answered).toContainText("Ja, sinds vorige week.");
  await expect(answered).toContainText(/Uw antwoord van \d+ \w+ \d{4}/);
  await page.reload();
  await expect(answered).toContainText("Ja, sinds vorige week.");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(caseUrl);
  await expect(page.getByRole("heading", { name: "Vragen aan het gezin", exact: true })).toBeVisible();
  await expect(page.getByText("Ja, sinds vorige week.").first()).toBeVisible();
  await expect(page.getByRole("main").getByText("Wordt bekeken").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
});

/** A new case the parent filed and the aanspreekpunt, signed in at the end, has claimed. */
async function filedAndClaimed(page: Page, child: string, story: string): Promise<string> {
  await signIn(page, "ouder@demo.doorbraak.nl");
  const number = await fileForDenHaag(page, `${child} ${Date.now().toString(36)}`, story);
  await signOut(page);
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await page.getByRole("button", { name: "Oppakken" }).click();
  await expect(page.getByText("Gelukt. De melding is bijgewerkt.")).toBeVisible();
  return number;
}

test("while waiting for the family the aanspreekpunt raises the case to crisis and takes the question back; the family reads both", async ({ page }) => {
  const number = await filedAndClaimed(page, "Vera", "Vera gaat niet meer naar school. Niemand pakt het op.");
  await page.getByLabel("Uw vraag aan het gezin").fill("Welke school heeft Vera het laatst bezocht?");
  await page.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByRole("main").getByText("Wacht op het gezin").first()).toBeVisible();

  // Waiting for the family does not tie the aanspreekpunt's hands.
  await expect(page.getByRole("region", { name: "Notitie maken" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Doorverwijzen naar het expertteam" })).toBeVisible();
  // A crisis cannot wait for the answer: the urgency changes at once, the step stays.
  await openAction(page, "Urgentie aanpassen");
  const urgency = page.getByRole("region", { name: "Urgentie aanpassen" });
  await urgency.getByRole("button", { name: "Urgentie opslaan" }).click();
  await expect(urgency.getByLabel("Waarom past u de urgentie aan?")).toHaveAttribute("aria-invalid", "true");
  await urgency.getByLabel("Waarom past u de urgentie aan?").fill("Moeder belde: Vera is sinds gisteren van huis weg.");
  await urgency.getByRole("button", { name: "Urgentie opslaan" }).click();
  // The same urgency again changes nothing, and says so at the choice; the reason stays.
  await expect(urgency).toContainText("Kies een andere urgentie dan die de melding nu heeft.");
  await expect(urgency.getByLabel("Waarom past u de urgentie aan?")).toHaveValue("Moeder belde: Vera is sinds gisteren van huis weg.");
  await urgency.getByLabel("Crisis: direct gevaar").check();
  await expectAccessible(page);
  await urgency.getByRole("button", { name: "Urgentie opslaan" }).click();
  // The staff timeline has the change with its reason; the facts say crisis; the step is the same.
  await expect(page.getByRole("main").getByText("Urgentie aangepast")).toBeVisible();
  await expect(page.getByRole("main").getByText("Moeder belde: Vera is sinds gisteren van huis weg.")).toBeVisible();
  const facts = page.getByRole("region", { name: "Gegevens" });
  await expect(facts).toContainText("Crisis: direct gevaar");
  await expect(page.getByRole("main").getByText("Wacht op het gezin").first()).toBeVisible();
  const withdraw = page.getByRole("region", { name: "Vraag aan het gezin intrekken" });
  await withdraw.getByRole("button", { name: "Vraag intrekken" }).click();
  await expect(withdraw.getByLabel("Waarom trekt u de vraag in?")).toHaveAttribute("aria-invalid", "true");
  await withdraw.getByLabel("Waarom trekt u de vraag in?").fill("De school heeft het ons al verteld.");
  await withdraw.getByRole("button", { name: "Vraag intrekken" }).click();
  await expect(page.getByRole("main").getByText("Wordt bekeken").first()).toBeVisible();
  await expect(page.getByRole("main")).toContainText("De school heeft het ons al verteld.");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByRole("heading", { name: "De gemeente heeft een vraag voor u" })).toHaveCount(0);
  const taken = page.getByRole("region", { name: "Eerdere vragen en antwoorden" }).getByRole("listitem").first();
  await expect(taken).toContainText("Welke school heeft Vera het laatst bezocht?");
  await expect(taken).toContainText("U hoeft deze vraag niet meer te beantwoorden.");
  await expect(taken).toContainText("De school heeft het ons al verteld.");
  await expect(page.getByRole("region", { name: "Hoe staat het ervoor?" })).toContainText("Hoe dringend: Crisis: direct gevaar");
  await expect(page.getByRole("main")).toContainText("De gemeente heeft aangepast hoe dringend uw melding is.");
  // What staff wrote about the urgency stays with staff.
  await expect(page.getByRole("main")).not.toContainText("van huis weg");
  await expectAccessible(page);
  await signOut(page);
});

test("the expert team asks the family a question; the family answers it and the aanspreekpunt sees both", async ({ page }) => {
  const number = await filedAndClaimed(page, "Mila", "Mila zit thuis. School en zorg wijzen naar elkaar.");
  await page.getByLabel("Uw vraag aan het expertteam").fill("Wilt u een casusoverleg leiden?");
  await recordImpasseForReferral(page);
  await page.getByRole("button", { name: "Doorverwijzen" }).click();
  await expect(page.getByRole("main").getByText("Bij het expertteam").first()).toBeVisible();
  await signOut(page);

  await signIn(page, "expert@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  const ask = page.getByRole("region", { name: "Informatie vragen aan het gezin" });
  await expect(ask.getByLabel("Uw vraag aan het gezin")).toBeVisible();
  await expect(ask).toContainText("Het gezin leest dit");
  await ask.getByLabel("Uw vraag aan het gezin").fill("Wat wil Mila zelf het liefst?");
  await ask.getByRole("button", { name: "Vraag versturen" }).click();
  await expect(page.getByRole("main").getByText("Wacht op het gezin").first()).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto(`/mijn-meldingen/${number}`);
  await expect(page.getByRole("heading", { name: "Het expertteam heeft een vraag voor u" })).toBeVisible();
  await page.getByLabel("Uw antwoord").fill("Naar een school met kleine klassen.");
  await page.getByRole("button", { name: "Antwoord versturen" }).click();
  const answered = page.getByRole("region", { name: "Eerdere vragen en antwoorden" }).getByRole("listitem").first();
  await expect(answered).toContainText(/Vraag van het expertteam, \d+ \w+ \d{4}/);
  await expect(answered).toContainText("Naar een school met kleine klassen.");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await expect(page.getByRole("main").getByText("Bij het expertteam").first()).toBeVisible();
  const questions = page.getByRole("region", { name: "Vragen aan het gezin", exact: true });
  await expect(questions).toContainText("Wat wil Mila zelf het liefst?");
  await expect(questions).toContainText("Naar een school met kleine klassen.");
  await signOut(page);
});
