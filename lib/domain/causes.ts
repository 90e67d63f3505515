/**
 * What blocks a case, which kinds of organisation were involved, and how it was
 * solved: maintained lists, so that escalations can be counted and compared
 * across gemeenten and regions. Each entry has a stable key (stored in the
 * database and in statistics: never rename one, add a new key and map the old
 * one in a migration) and a label and a short explanation in Dutch (B1) and
 * English. Pure data, safe for the browser.
 */

export type Wording = { label: string; explanation: string };
export type ListEntry<K extends string = string> = { key: K; nl: Wording; en: Wording };
export type ListLocale = "nl" | "en";

/** What blocks a child's care. Several may apply to one case. */
export const causes = [
  {
    key: "NO_MANDATE",
    nl: { label: "Niemand heeft de regie", explanation: "Geen enkele partij neemt de leiding of mag de knoop doorhakken." },
    en: { label: "Nobody is in charge", explanation: "No party takes the lead or has the mandate to decide." },
  },
  {
    key: "NO_COOPERATION",
    nl: { label: "Organisaties werken niet samen", explanation: "De partijen delen geen informatie of wijzen naar elkaar." },
    en: { label: "Organisations do not work together", explanation: "The parties do not share information or point at each other." },
  },
  {
    key: "WAITING_LIST",
    nl: { label: "Wachtlijst of geen plek", explanation: "Er is wel een aanbieder, maar die heeft geen plek of een lange wachtlijst." },
    en: { label: "Waiting list or no capacity", explanation: "A provider exists, but it has no place or a long waiting list." },
  },
  {
    key: "NO_PROVIDER",
    nl: { label: "Geen aanbieder voor deze hulp", explanation: "Geen enkele aanbieder biedt de hulp die het kind nodig heeft." },
    en: { label: "No provider for this need", explanation: "No provider offers the help the child needs." },
  },
  {
    key: "NO_SCHOOL_PLACE",
    nl: { label: "Geen passende plek op school", explanation: "Er is geen school die het kind een passende plek geeft." },
    en: { label: "No fitting school place", explanation: "No school offers the child a fitting place." },
  },
  {
    key: "FUNDING",
    nl: { label: "Onenigheid over wie betaalt", explanation: "De partijen zijn het niet eens over wie de hulp betaalt." },
    en: { label: "Funding: who pays", explanation: "The parties disagree about who pays for the help." },
  },
  {
    key: "BOUNDARY_WLZ",
    nl: { label: "Grens Jeugdwet en Wlz", explanation: "Onduidelijk of de hulp onder de Jeugdwet of de Wet langdurige zorg valt." },
    en: { label: "Boundary Jeugdwet and Wlz", explanation: "Unclear whether the help falls under the Youth Act or the Long-term Care Act." },
  },
  {
    key: "BOUNDARY_ZVW",
    nl: { label: "Grens Jeugdwet en Zvw", explanation: "Onduidelijk of de gemeente of de zorgverzekeraar de hulp regelt, bijvoorbeeld bij ggz." },
    en: { label: "Boundary Jeugdwet and Zvw", explanation: "Unclear whether the gemeente or the health insurer arranges the help, for example mental health care." },
  },
  {
    key: "BOUNDARY_WMO",
    nl: { label: "Grens Jeugdwet en Wmo", explanation: "Onduidelijk of de hulp onder de Jeugdwet of de Wmo valt, bijvoorbeeld rond 18 jaar." },
    en: { label: "Boundary Jeugdwet and Wmo", explanation: "Unclear whether the help falls under the Youth Act or the Social Support Act, for example around age 18." },
  },
  {
    key: "BOUNDARY_EDUCATION",
    nl: { label: "Grens jeugdhulp en onderwijs", explanation: "School en jeugdhulp zijn het niet eens over wie wat doet. Het gaat om passend onderwijs." },
    en: { label: "Boundary youth care and education", explanation: "School and youth care disagree about who does what. It is about inclusive education (passend onderwijs)." },
  },
  {
    key: "BOUNDARY_OTHER",
    nl: { label: "Andere grens tussen wetten", explanation: "Een andere grens tussen wetten of domeinen houdt de hulp tegen." },
    en: { label: "Another legal boundary", explanation: "Another boundary between laws or domains holds the help back." },
  },
  {
    key: "WOONPLAATSBEGINSEL",
    nl: { label: "Welke gemeente is verantwoordelijk", explanation: "Gemeenten zijn het niet eens over wie volgens het woonplaatsbeginsel moet zorgen." },
    en: { label: "Which gemeente is responsible", explanation: "Gemeenten disagree about who is responsible under the residence rule (woonplaatsbeginsel)." },
  },
  {
    key: "MAATWERK_REFUSED",
    nl: { label: "Maatwerk geweigerd", explanation: "Een uitzondering op een regel of contract was nodig, maar werd niet gegeven." },
    en: { label: "Maatwerk refused", explanation: "An exception to a rule or contract was needed, but it was not given." },
  },
  {
    key: "NO_ASSESSMENT",
    nl: { label: "Geen onderzoek of indicatie", explanation: "Er is geen onderzoek, diagnose of indicatie, en daardoor start de hulp niet." },
    en: { label: "No assessment or indication", explanation: "There is no assessment, diagnosis or indication, so the help does not start." },
  },
  {
    key: "OTHER",
    nl: { label: "Iets anders", explanation: "Iets wat niet in deze lijst staat. Schrijf het op in de toelichting." },
    en: { label: "Something else", explanation: "Something not in this list. Describe it in the note." },
  },
] as const satisfies readonly ListEntry[];

/** The kinds of organisation involved in an impasse. Several may apply to one case. */
export const organisationKinds = [
  {
    key: "SCHOOL",
    nl: { label: "School", explanation: "De school van het kind, of een school die het kind zou kunnen aannemen." },
    en: { label: "School", explanation: "The child's school, or a school that could take the child." },
  },
  {
    key: "SAMENWERKINGSVERBAND",
    nl: { label: "Samenwerkingsverband passend onderwijs", explanation: "Het samenwerkingsverband van scholen in de regio." },
    en: { label: "Samenwerkingsverband (inclusive education partnership)", explanation: "The regional partnership of schools for inclusive education." },
  },
  {
    key: "LEERPLICHT_RMC",
    nl: { label: "Leerplicht of RMC", explanation: "De leerplichtambtenaar of de RMC-coördinator van de regio." },
    en: { label: "Compulsory education officer or RMC", explanation: "The compulsory education officer or the regional RMC coordinator." },
  },
  {
    key: "JEUGDHULPAANBIEDER",
    nl: { label: "Jeugdhulpaanbieder", explanation: "Een organisatie die jeugdhulp geeft." },
    en: { label: "Youth care provider", explanation: "An organisation that provides youth care." },
  },
  {
    key: "WIJKTEAM",
    nl: { label: "Wijkteam", explanation: "Het wijkteam of jeugdteam van de gemeente." },
    en: { label: "Neighbourhood team", explanation: "The gemeente's neighbourhood or youth team." },
  },
  {
    key: "GGZ",
    nl: { label: "GGZ", explanation: "Geestelijke gezondheidszorg voor het kind of de ouders." },
    en: { label: "Mental health care (GGZ)", explanation: "Mental health care for the child or the parents." },
  },
  {
    key: "HUISARTS",
    nl: { label: "Huisarts", explanation: "De huisarts, die kan verwijzen naar jeugdhulp." },
    en: { label: "General practitioner", explanation: "The family doctor, who can refer to youth care." },
  },
  {
    key: "ZORGKANTOOR",
    nl: { label: "Zorgkantoor", explanation: "Het zorgkantoor, dat de Wet langdurige zorg regelt." },
    en: { label: "Care office (zorgkantoor)", explanation: "The care office that arranges long-term care (Wlz)." },
  },
  {
    key: "ZORGVERZEKERAAR",
    nl: { label: "Zorgverzekeraar", explanation: "De zorgverzekeraar van het kind." },
    en: { label: "Health insurer", explanation: "The child's health insurer." },
  },
  {
    key: "GECERTIFICEERDE_INSTELLING",
    nl: { label: "Gecertificeerde instelling", explanation: "Jeugdbescherming of jeugdreclassering." },
    en: { label: "Certified institution", explanation: "Child protection or juvenile probation." },
  },
  {
    key: "GEMEENTE",
    nl: { label: "Gemeente", explanation: "Een afdeling van de eigen gemeente of van een andere gemeente." },
    en: { label: "Gemeente", explanation: "A department of the gemeente itself or of another gemeente." },
  },
  {
    key: "OTHER",
    nl: { label: "Andere organisatie", explanation: "Een organisatie die niet in deze lijst staat." },
    en: { label: "Another organisation", explanation: "An organisation not in this list." },
  },
] as const satisfies readonly ListEntry[];

/** How a case was solved; the keys are the `CaseOutcome` enum of the Prisma schema. */
export const caseOutcomes = [
  {
    key: "LOCAL_AGREEMENT",
    nl: { label: "Afspraak op lokaal niveau", explanation: "De partijen kwamen samen met de gemeente tot een afspraak." },
    en: { label: "Agreement at local level", explanation: "The parties reached an agreement with the gemeente." },
  },
  {
    key: "EXPERT_ADVICE",
    nl: { label: "Op advies van het expertteam", explanation: "Het advies van het regionale expertteam bracht de oplossing." },
    en: { label: "On the expert team's advice", explanation: "The regional expert team's advice brought the solution." },
  },
  {
    key: "DECISION",
    nl: { label: "Door een besluit met doorzettingsmacht", explanation: "Een bindend besluit legde vast wie wat doet." },
    en: { label: "By a doorzettingsmacht decision", explanation: "A binding decision set out who does what." },
  },
  {
    key: "MAATWERK",
    nl: { label: "Met maatwerk", explanation: "Een uitzondering op een regel of contract maakte de hulp mogelijk." },
    en: { label: "With a maatwerk exception", explanation: "An exception to a rule or contract made the help possible." },
  },
  {
    key: "NOT_SOLVED",
    nl: { label: "Niet opgelost", explanation: "De hulp is niet op gang gekomen." },
    en: { label: "Not solved", explanation: "The help did not get started." },
  },
] as const satisfies readonly ListEntry[];

type KeyOf<L extends readonly { key: string }[]> = L[number]["key"];

/** The keys of a list as a non-empty tuple, in the list's order (zod's enum needs one). */
function keysOf<const L extends readonly { key: string }[]>(list: L): readonly [KeyOf<L>, ...KeyOf<L>[]] {
  return list.map((entry) => entry.key) as unknown as readonly [KeyOf<L>, ...KeyOf<L>[]];
}

export const causeKeys = keysOf(causes);
export type CauseKey = (typeof causeKeys)[number];

export const organisationKindKeys = keysOf(organisationKinds);
export type OrganisationKindKey = (typeof organisationKindKeys)[number];

export const caseOutcomeKeys = keysOf(caseOutcomes);
export type CaseOutcomeKey = (typeof caseOutcomeKeys)[number];

/** The outcome that records no help: the day help started is not asked then. */
export const NOT_SOLVED = "NOT_SOLVED" satisfies CaseOutcomeKey;

/** The wording of a key in one language; an unknown key (from an older list) is shown as it is. */
export function wordingOf(list: readonly ListEntry[], key: string, locale: ListLocale): Wording {
  const entry = list.find((e) => e.key === key);
  return entry ? entry[locale] : { label: key, explanation: "" };
}

/** The label of a key in the reader's language; anything but English reads Dutch. */
export function labelOf(list: readonly ListEntry[], key: string, locale: string): string {
  return wordingOf(list, key, locale === "en" ? "en" : "nl").label;
}

/** The options of a checkbox or radio list: value, label and explanation as hint. */
export function optionsOf(list: readonly ListEntry[], locale: string): { value: string; label: string; hint: string }[] {
  const l: ListLocale = locale === "en" ? "en" : "nl";
  return list.map((e) => ({ value: e.key, label: e[l].label, hint: e[l].explanation }));
}
