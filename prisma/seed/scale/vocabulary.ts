/**
 * Words for synthetic people and case texts. Every name is a combination of a
 * common first name and a common surname, drawn at random: no real person's
 * data is used.
 */

export const firstNames = [
  "Noah", "Emma", "Milan", "Julia", "Sem", "Tess", "Lucas", "Zoë", "Daan", "Sara", "Mohamed", "Fenna", "Liam", "Yara",
  "Bram", "Nora", "Finn", "Mila", "Levi", "Sophie", "Luuk", "Anna", "Jesse", "Evi", "Adam", "Lotte", "Ryan", "Saar",
  "Thijs", "Lieke", "Mees", "Noor", "Sven", "Fleur", "Ayoub", "Amira", "Youssef", "Ilse", "Jayden", "Lina", "Gijs",
  "Maud", "Owen", "Isa", "Boaz", "Roos", "Hamza", "Elif", "Kerem", "Zeynep", "Dex", "Femke", "Stijn", "Esmee", "Ravi",
  "Priya", "Jurre", "Vera", "Teun", "Hanna", "Rayan", "Selin", "Ilias", "Nina", "Joep", "Lara", "Siem", "Sanne",
] as const;

export const adultFirstNames = [
  "Sanne", "Mark", "Linda", "Dennis", "Marieke", "Jeroen", "Karin", "Martijn", "Ingrid", "Erik", "Nicole", "Bas",
  "Fatima", "Ahmed", "Naima", "Mustafa", "Ayşe", "Hasan", "Petra", "Rob", "Esther", "Wouter", "Miriam", "Ruud",
  "Anouk", "Tim", "Eline", "Pieter", "Saskia", "Joost", "Monique", "Arjen", "Yvonne", "Sander", "Hatice", "Rachid",
  "Chantal", "Kevin", "Shanti", "Romano", "Anita", "Hans", "Wendy", "Frank", "Bianca", "Michel", "Sevda", "Dirk",
] as const;

export const surnames = [
  "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
  "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok",
  "Jacobs", "de Haan", "Vermeulen", "van den Berg", "van Dijk", "Verhoeven", "Willems", "Hoekstra", "Koster", "Prins",
  "Postma", "Kuipers", "Veenstra", "El Idrissi", "El Amrani", "Bouzid", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik",
  "Ramdin", "Sewdien", "Kromodimedjo", "Pinas", "Martina", "Nguyen", "Kowalski", "Nowak", "Hassan", "Ali", "Ouali",
  "Timmermans", "Gerritsen", "Schouten", "van Wijk", "Vink", "Wolters", "Bosman", "Maas", "Kramer", "Evers",
] as const;

export const userAgents = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
] as const;

export const familyUserAgents = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
  ...userAgents,
] as const;

/** Addresses from the documentation ranges (RFC 5737), never a real one. */
export function documentationIp(n: number): string {
  const nets = ["192.0.2", "198.51.100", "203.0.113"];
  return `${nets[n % 3]}.${1 + (Math.floor(n / 3) % 254)}`;
}

/**
 * The largest gemeenten first, roughly by number of inhabitants; the rest
 * follow in a fixed shuffled order. Cases are spread over this ranking.
 */
export const largestGemeenten = [
  "GM0363", // Amsterdam
  "GM0599", // Rotterdam
  "GM0518", // 's-Gravenhage
  "GM0344", // Utrecht
  "GM0772", // Eindhoven
  "GM0014", // Groningen
  "GM0855", // Tilburg
  "GM0034", // Almere
  "GM0758", // Breda
  "GM0268", // Nijmegen
  "GM0200", // Apeldoorn
  "GM0394", // Haarlemmermeer
  "GM0202", // Arnhem
  "GM0392", // Haarlem
  "GM0307", // Amersfoort
  "GM0479", // Zaanstad
  "GM0153", // Enschede
  "GM0796", // 's-Hertogenbosch
  "GM0193", // Zwolle
  "GM0546", // Leiden
] as const;

export const stuckTexts = [
  "De school kan niet de zorg geven die nodig is, en de zorgaanbieder heeft een wachtlijst van maanden.",
  "De jeugdhulpaanbieder en de zorgverzekeraar wijzen naar elkaar over wie de behandeling betaalt.",
  "Er is een indicatie nodig voor langdurige zorg; het CIZ en de gemeente verwijzen naar elkaar.",
  "Geen enkele school in de buurt neemt het kind aan zolang er geen begeleiding is.",
  "De ggz-behandeling is gestopt bij de overgang naar de volwassenenzorg en niemand pakt het op.",
  "Het wijkteam en de specialistische aanbieder zijn het oneens over welke hulp passend is.",
  "Na de verhuizing weet geen gemeente wie verantwoordelijk is voor de lopende hulp.",
  "De logeeropvang is gestopt en er is geen andere plek; de ouders kunnen het thuis niet meer aan.",
] as const;

export const triedTexts = [
  "Gesprekken met school, het samenwerkingsverband en twee zorgaanbieders.",
  "Gebeld met de huisarts, het wijkteam en de zorgverzekeraar.",
  "Een klacht ingediend bij de aanbieder en hulp gevraagd aan de cliëntondersteuner.",
  "Aanmeldingen bij drie aanbieders; overal een wachtlijst of een afwijzing.",
  "Overleg met leerplicht en de intern begeleider, zonder resultaat.",
] as const;

export const needTexts = [
  "Een plek op een school met zorg, en begeleiding thuis.",
  "Snel een behandeling, en iemand die de regie houdt.",
  "Duidelijkheid over wie de zorg regelt en betaalt.",
  "Een passende woonplek met begeleiding.",
  "Een onderzoek en daarna de juiste hulp.",
] as const;

export const refusedTexts = [
  "De school en het samenwerkingsverband.",
  "De zorgaanbieder (wachtlijst) en de zorgverzekeraar.",
  "Het CIZ en de gemeente.",
  "Drie scholen en het wijkteam.",
  "De ggz-aanbieder en de jeugdhulpaanbieder.",
] as const;

export const riskTexts = [
  "Het kind trekt zich terug en komt de kamer bijna niet meer uit.",
  "De ouders raken overbelast; er is zorg over de veiligheid thuis.",
  "Het kind raakt verder achter op school en verliest contact met leeftijdgenoten.",
  "De klachten worden erger zolang er geen behandeling is.",
] as const;

export const localPlans = [
  "Overleg gepland met school en wijkteam.",
  "Ik neem contact op met de aanbieder en de zorgverzekeraar over de bekostiging.",
  "Eerst een gesprek met de ouders en het samenwerkingsverband.",
  "Ik vraag de indicatie op en bel het CIZ.",
] as const;

export const staffNotes = [
  "Gebeld met de intern begeleider; die stuurt het verslag van het laatste overleg.",
  "Aanbieder heeft een plek over zes weken, wacht op bevestiging.",
  "Overleg met leerplicht gehad, afspraak volgt.",
  "Zorgverzekeraar wil eerst een verwijzing van de huisarts.",
  "Ouders telefonisch gesproken, situatie thuis is stabiel.",
  "Wijkteam sluit aan bij het volgende overleg.",
] as const;

export const familyQuestions = [
  "Kunt u het verslag van de school en de laatste brief van de aanbieder sturen?",
  "Wilt u laten weten welke hulp uw kind op dit moment krijgt, en van wie?",
  "Mogen wij contact opnemen met de huisarts en de school?",
  "Kunt u beschrijven hoe het nu thuis gaat, en wat het meest dringend is?",
] as const;

export const familyAnswers = [
  "Ik heb de stukken toegevoegd. De school belt ons niet meer terug.",
  "Op dit moment krijgt hij geen hulp, alleen gesprekken met de huisarts.",
  "Ja, dat mag. De huisarts weet ervan.",
  "Het gaat thuis steeds moeilijker; we hebben dringend hulp nodig.",
] as const;

export const referralQuestions = [
  "School en zorgaanbieder wijzen naar elkaar. Kan het expertteam een casusoverleg leiden en een plan maken?",
  "Er is geen passende plek te vinden. Kan het expertteam meedenken over maatwerk?",
  "De bekostiging is het probleem. Kan het expertteam de partijen bij elkaar brengen?",
  "Wij komen er lokaal niet uit. Graag advies en een voorstel voor doorzettingsmacht.",
] as const;

export const interventionOutcomes = [
  "Alle partijen zijn het eens dat het kind een plek met onderwijs en zorg nodig heeft. De bekostiging is nog open.",
  "De aanbieder kan starten als de financiering rond is; de gemeente zoekt uit wie betaalt.",
  "Analyse van het dossier afgerond: de knelpunten zitten in de overgang tussen twee wetten.",
  "Afspraak met een aanbieder voor een maatwerktraject; start binnen vier weken.",
  "Overleg met de zorgverzekeraar: zij dragen een deel van de kosten.",
] as const;

export const participantTexts = [
  "Ouders, school, samenwerkingsverband, zorgaanbieder, leerplicht",
  "Ouders, wijkteam, ggz-aanbieder, zorgverzekeraar",
  "Expertteam, gemeente, aanbieder",
  "Ouders, jongere, jeugdhulpaanbieder, gemeente",
] as const;

export const nextSteps = [
  "Voorstel voor een besluit met doorzettingsmacht.",
  "Vervolgoverleg over vier weken.",
  "De aanbieder stuurt een plan van aanpak.",
  null,
] as const;

export const proposals = [
  "De gemeente zet door: het samenwerkingsverband regelt een plek, de gemeente betaalt de zorg.",
  "De gemeente zet door: de aanbieder start met behandeling, de bekostiging wordt achteraf verdeeld.",
  "De gemeente zet door: een maatwerkarrangement met onderwijs en zorg op één plek.",
] as const;

export const rationales = [
  "Na het casusoverleg is er geen andere weg. Het kind zit al maanden zonder passende hulp.",
  "De partijen komen er samen niet uit; het belang van het kind gaat voor.",
  "Elke maand zonder hulp maakt de situatie erger.",
] as const;

export const legalBases = [
  "Jeugdwet art. 2.3 en de regionale afspraken over doorzettingsmacht",
  "Jeugdwet art. 2.3 en art. 2.6, en de afspraken in de jeugdregio",
] as const;

export const assignmentTemplates = [
  { party: "Samenwerkingsverband", description: "Een plek op een school met zorg", payer: "Samenwerkingsverband" },
  { party: "Gemeente", description: "Begeleiding thuis, twee dagdelen per week", payer: "Gemeente" },
  { party: "Zorgaanbieder", description: "Start van de behandeling", payer: "Zorgverzekeraar" },
  { party: "Jeugdhulpaanbieder", description: "Een plek in een woongroep met begeleiding", payer: "Gemeente" },
  { party: "Wijkteam", description: "Regie op de uitvoering en wekelijks contact met de ouders", payer: "Gemeente" },
] as const;

export const settledNotes = [
  "De plek is gestart; bevestiging van de school ontvangen.",
  "De behandeling loopt sinds vorige week.",
  "Niet meer nodig: de hulp is via een andere weg gestart.",
] as const;

export const reportNotes = [
  "Er is nog steeds niets gebeurd, de school reageert niet.",
  "De aanbieder zegt dat er geen opdracht is binnengekomen.",
] as const;

export const closingNotes = [
  "De hulp is gestart en loopt goed. Wij sluiten de melding.",
  "Alle afspraken uit het besluit zijn uitgevoerd.",
  "De hulp is via een andere weg gestart; Doorbraak is niet meer nodig.",
] as const;

export const breakthroughNotes = [
  "Het casusoverleg met alle partijen aan tafel gaf de doorbraak.",
  "De gemeente nam de bekostiging voorlopig op zich.",
  "Een aanbieder bood maatwerk buiten de gewone contracten.",
] as const;

export const inadmissibleReasons = [
  "Er is nog geen hulp aangevraagd bij de gewone toegang; dat is eerst nodig.",
  "Het gaat om een klacht over een aanbieder, niet om hulp die vastzit.",
] as const;

export const complaintRoute = "U kunt hierover een klacht indienen bij de gemeente, en daarna bij de Nationale ombudsman.";

export const withdrawReasons = [
  "De hulp is inmiddels gestart via de huisarts.",
  "We zijn verhuisd en regelen het in de nieuwe gemeente.",
  "We willen op dit moment geen verdere stappen.",
] as const;

export const transferReasons = [
  "Het kind woonde voor de opname in een andere gemeente (woonplaatsbeginsel).",
  "Het gezin is voor de melding verhuisd; de nieuwe gemeente is verantwoordelijk.",
] as const;
