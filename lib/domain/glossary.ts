/**
 * Words a family meets in their case that staff use every day: each with a
 * short explanation in plain words (B1), in Dutch and in English. One list,
 * kept here, so that every page explains a word the same way. A term is found
 * in a text by its pattern (whole words, any case).
 */
export type GlossaryEntry = {
  key: string;
  /** Whole-word pattern, case-insensitive, that finds the term in a text */
  pattern: RegExp;
  nl: { term: string; explanation: string };
  en: { term: string; explanation: string };
};

const word = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "iu");

export const glossary: readonly GlossaryEntry[] = [
  {
    key: "aanspreekpunt",
    pattern: word("aanspreekpunt(?:en)?"),
    nl: { term: "Aanspreekpunt", explanation: "De medewerker van de gemeente die uw melding behandelt en u op de hoogte houdt." },
    en: { term: "Aanspreekpunt (point of contact)", explanation: "The municipality's staff member who handles your case and keeps you informed." },
  },
  {
    key: "expertteam",
    pattern: word("expertteams?|expert team"),
    nl: { term: "Expertteam", explanation: "Een team van deskundigen uit uw regio. Zij helpen als de gemeente er zelf niet uitkomt." },
    en: { term: "Expert team", explanation: "A team of specialists in your region. They help when the municipality cannot solve it alone." },
  },
  {
    key: "impasse",
    pattern: word("impasses?"),
    nl: { term: "Impasse", explanation: "Niemand komt verder. Organisaties wijzen naar elkaar en de hulp begint niet." },
    en: { term: "Impasse", explanation: "Nobody gets any further. Organisations point at each other and the help does not start." },
  },
  {
    key: "doorzettingsmacht",
    pattern: word("(?:besluit )?doorzettingsmacht"),
    nl: {
      term: "Doorzettingsmacht",
      explanation: "De gemeente mag een besluit nemen dat iedereen moet volgen: wie wat doet, wanneer, en wie betaalt. Zo stopt het van het kastje naar de muur.",
    },
    en: {
      term: "Doorzettingsmacht (power to push through)",
      explanation: "The municipality may take a decision everyone must follow: who does what, by when, and who pays. That ends being sent from pillar to post.",
    },
  },
  {
    key: "grondslag",
    pattern: word("grondslag"),
    nl: { term: "Grondslag", explanation: "Het artikel van de wet of de afspraak waarop een besluit steunt." },
    en: { term: "Grondslag (legal basis)", explanation: "The article of the law or the agreement a decision rests on." },
  },
  {
    key: "tlv",
    pattern: word("TLV|toelaatbaarheidsverklaring"),
    nl: { term: "TLV (toelaatbaarheidsverklaring)", explanation: "Een verklaring van het samenwerkingsverband. Met een TLV mag een kind naar het speciaal (basis)onderwijs." },
    en: { term: "TLV (admissibility statement)", explanation: "A statement from the samenwerkingsverband. With it, a child may go to a special-needs school." },
  },
  {
    key: "cluster4",
    pattern: word("(?:SO|VSO|SO-|VSO-)?\\s?cluster[- ]?4|(?:SO|VSO)-cluster 4"),
    nl: { term: "Cluster 4", explanation: "Speciaal onderwijs voor kinderen die veel hulp nodig hebben bij gedrag of psychische problemen." },
    en: { term: "Cluster 4", explanation: "Special education for children who need a lot of help with behaviour or mental health." },
  },
  {
    key: "samenwerkingsverband",
    pattern: word("samenwerkingsverband(?:en)?|swv"),
    nl: { term: "Samenwerkingsverband", explanation: "De scholen in uw regio werken samen. Zij zorgen dat elk kind een passende plek op school krijgt." },
    en: { term: "Samenwerkingsverband", explanation: "The schools in your region work together. They make sure every child gets a fitting place at school." },
  },
  {
    key: "opp",
    pattern: word("OPP|ontwikkelingsperspectief(?:plan)?"),
    nl: { term: "OPP (ontwikkelingsperspectiefplan)", explanation: "Een plan van de school: wat uw kind kan leren en welke hulp het daarbij krijgt." },
    en: { term: "OPP (development plan)", explanation: "A school's plan: what your child can learn and what help they get." },
  },
  {
    key: "leerplicht",
    pattern: word("leerplicht(?:ambtenaar|ambtenaren)?|RMC"),
    nl: { term: "Leerplicht", explanation: "De leerplichtambtenaar let erop dat elk kind naar school gaat, en helpt zoeken als dat niet lukt." },
    en: { term: "Leerplicht (compulsory education officer)", explanation: "The officer makes sure every child goes to school, and helps look for a solution when that fails." },
  },
  {
    key: "thuiszitter",
    pattern: word("thuiszitters?"),
    nl: { term: "Thuiszitter", explanation: "Een kind dat niet of te weinig naar school gaat, terwijl het wel moet." },
    en: { term: "Thuiszitter", explanation: "A child who does not go to school, or too little, while they should." },
  },
  {
    key: "maatwerk",
    pattern: word("maatwerk(?:voorziening)?"),
    nl: { term: "Maatwerk", explanation: "Hulp die speciaal voor uw kind wordt geregeld, ook als die niet in de gewone regels past." },
    en: { term: "Maatwerk (tailored help)", explanation: "Help arranged for your child specially, even when it does not fit the usual rules." },
  },
  {
    key: "jeugdwet",
    pattern: word("jeugdwet"),
    nl: { term: "Jeugdwet", explanation: "De wet die zegt dat de gemeente zorgt voor hulp aan kinderen en jongeren tot 18 jaar." },
    en: { term: "Jeugdwet (Youth Act)", explanation: "The law that makes the municipality arrange help for children and young people up to 18." },
  },
  {
    key: "wlz",
    pattern: word("wlz|wet langdurige zorg"),
    nl: { term: "Wlz (Wet langdurige zorg)", explanation: "Zorg voor mensen die hun hele leven veel zorg nodig hebben. Het zorgkantoor regelt die." },
    en: { term: "Wlz (Long-term Care Act)", explanation: "Care for people who need a lot of care all their lives. The care office arranges it." },
  },
  {
    key: "ggz",
    pattern: word("j?ggz"),
    nl: { term: "GGZ", explanation: "Geestelijke gezondheidszorg: hulp bij psychische problemen." },
    en: { term: "GGZ", explanation: "Mental health care." },
  },
  {
    key: "wijkteam",
    pattern: word("wijkteams?"),
    nl: { term: "Wijkteam", explanation: "Het team van de gemeente in uw buurt. Zij helpen bij vragen over opgroeien, zorg en ondersteuning." },
    en: { term: "Wijkteam (neighbourhood team)", explanation: "The municipality's team in your neighbourhood. They help with questions about growing up, care and support." },
  },
  {
    key: "onderwijsconsulent",
    pattern: word("onderwijsconsulent(?:en)?"),
    nl: { term: "Onderwijsconsulent", explanation: "Iemand die gratis helpt als ouders en school het niet eens worden over een plek of hulp op school." },
    en: { term: "Onderwijsconsulent (education consultant)", explanation: "Someone who helps for free when parents and school disagree about a place or help at school." },
  },
  {
    key: "clientondersteuning",
    pattern: word("cli[eë]ntondersteun(?:ing|er)"),
    nl: { term: "Cliëntondersteuning", explanation: "Iemand die u gratis en onafhankelijk helpt en met u meedenkt. Deze persoon werkt niet voor de gemeente." },
    en: { term: "Client support", explanation: "Someone who helps you for free and independently. They do not work for the municipality." },
  },
];

/** The entries whose term occurs in any of the texts, in the glossary's order. */
export function termsIn(texts: readonly (string | null | undefined)[]): GlossaryEntry[] {
  const all = texts.filter((t): t is string => !!t);
  return glossary.filter((entry) => all.some((text) => entry.pattern.test(text)));
}
