/**
 * What the decision letter says, as plain blocks of text. The letter is always
 * in Dutch, the legal language of the gemeente, whatever language the reader
 * chose for the screens, so its wording lives here in one place and not in the
 * message catalogs (which hold the same keys in every language). Written at B1
 * level: short sentences, plain words, the legal references kept to one line.
 */

export type AssignmentState = "OPEN" | "DONE" | "ENDED";

/** Everything the letter needs, as plain data: no database, so it can be tested on its own. */
export type LetterData = {
  caseNumber: string;
  childName: string;
  gemeente: {
    /** The name people use ("Den Haag") */
    name: string;
    /** CBS's official name ("'s-Gravenhage"), which the legal lines use */
    officialName: string;
    contactName: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    contactHours: string | null;
    clientSupportName: string | null;
    clientSupportPhone: string | null;
    clientSupportUrl: string | null;
    /** The gemeente's own ombudsman; null: the Nationale ombudsman */
    ombudsmanName: string | null;
    ombudsmanUrl: string | null;
  };
  decision: {
    decidedAt: Date;
    /** The decision holder who took it; null when the account is gone */
    signedBy: string | null;
    legalBasis: string;
    rationale: string;
    /** When the decision this one replaces was taken; null when it replaces none */
    replacesDecisionOf: Date | null;
  };
  assignments: { party: string; description: string; dueOn: Date; payer: string; status: AssignmentState }[];
  /** The day the letter is made; the assignments' status is as of this day */
  madeAt: Date;
};

export type LetterRow = { label: string; value: string };

export type LetterBlock =
  | { kind: "letterhead"; lines: string[] }
  | { kind: "facts"; rows: LetterRow[] }
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "assignment"; title: string; rows: LetterRow[] };

const statusWords: Record<AssignmentState, string> = {
  OPEN: "Nog te doen",
  DONE: "Gedaan",
  ENDED: "Beëindigd",
};

const dayFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" });
// Due dates are calendar days stored at midnight UTC: read them in UTC so that no day shifts.
const calendarDayFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });

export const formatDay = (d: Date) => dayFormat.format(d);
export const formatCalendarDay = (d: Date) => calendarDayFormat.format(d);

export const NATIONALE_OMBUDSMAN_URL = "www.nationaleombudsman.nl";
export const KINDEROMBUDSMAN_URL = "www.kinderombudsman.nl";

/** Said in the letter when a name or text held characters that the letter cannot show. */
export const UNSHOWABLE_NOTE =
  "Let op: sommige tekens kunnen wij in deze brief niet laten zien. Op die plek staat een vraagteken (?). " +
  "Op de pagina van uw melding in Doorbraak staat alles zoals het is ingevuld.";

/** Keeps a phone number on one line. */
const unbroken = (s: string) => s.replace(/ /g, "\u00a0");

function contactLines(g: LetterData["gemeente"]): string[] {
  const lines = [
    g.contactName,
    g.contactPhone && `Telefoon: ${unbroken(g.contactPhone)}`,
    g.contactEmail && `E-mail: ${g.contactEmail}`,
    g.contactHours && `Bereikbaar: ${g.contactHours}`,
  ].filter((l): l is string => Boolean(l));
  return lines.length > 0 ? lines : ["U bereikt ons via de pagina van uw melding in Doorbraak."];
}

function clientSupport(g: LetterData["gemeente"]): LetterBlock[] {
  const where = [g.clientSupportName, g.clientSupportPhone && `telefoon ${unbroken(g.clientSupportPhone)}`, g.clientSupportUrl]
    .filter((l): l is string => Boolean(l))
    .join(", ");
  if (!where) return [];
  return [
    {
      kind: "paragraph",
      text:
        "Wilt u hulp bij deze brief? Of bij een bezwaar of een klacht? Een cliëntondersteuner helpt u. " +
        `Die hulp is gratis en onafhankelijk van de gemeente. U vindt die hulp bij: ${where}.`,
    },
  ];
}

/** Where a complaint goes after the gemeente: its own ombudsman, or the Nationale ombudsman. */
function ombudsmanText(g: LetterData["gemeente"]): string {
  const start = "Bent u niet tevreden over hoe wij uw klacht hebben behandeld? Dan kunt u naar ";
  if (g.ombudsmanName) return `${start}${g.ombudsmanName}${g.ombudsmanUrl ? ` (${g.ombudsmanUrl})` : ""}. Dat is de ombudsman van de gemeente ${g.name}.`;
  return `${start}de Nationale ombudsman (${NATIONALE_OMBUDSMAN_URL}).`;
}

/** When this decision replaces an earlier one, the sentence that says so. */
function replacement(data: LetterData): LetterBlock[] {
  const earlier = data.decision.replacesDecisionOf;
  return earlier ? [{ kind: "paragraph", text: `Dit besluit vervangt ons besluit van ${formatDay(earlier)}. Dat oude besluit geldt niet meer.` }] : [];
}

/** One assignment: who, what, by when, who pays, and where it stands on the day the letter is made. */
function assignmentRows(a: LetterData["assignments"][number], madeAt: Date): LetterRow[] {
  return [
    { label: "Wie", value: a.party },
    { label: "Wat", value: a.description },
    { label: "Klaar op", value: `uiterlijk ${formatCalendarDay(a.dueOn)}` },
    { label: "Wie betaalt", value: a.payer },
    { label: `Stand op ${formatDay(madeAt)}`, value: statusWords[a.status] },
  ];
}

/** The letter from top to bottom. */
export function letterContent(data: LetterData): LetterBlock[] {
  const g = data.gemeente.name;
  const official = data.gemeente.officialName;
  const college = `het college van burgemeester en wethouders van de gemeente ${official}`;
  const child = data.childName;
  const decidedOn = formatDay(data.decision.decidedAt);
  return [
    { kind: "letterhead", lines: [`Gemeente ${g}`, ...contactLines(data.gemeente)] },
    {
      kind: "facts",
      rows: [
        { label: "Datum van deze brief", value: formatDay(data.madeAt) },
        { label: "Datum van het besluit", value: decidedOn },
        { label: "Nummer van de melding", value: data.caseNumber },
        { label: "Kind", value: child },
      ],
    },
    { kind: "title", text: `Besluit over de hulp voor ${child}` },
    { kind: "paragraph", text: "Beste ouder, verzorger of jongere," },
    {
      kind: "paragraph",
      text:
        `De hulp voor ${child} zat vast. Daarom hebben wij, de gemeente ${g}, een besluit genomen. ` +
        "Wij gebruiken daarvoor onze doorzettingsmacht. Dat betekent: wij beslissen wie wat moet doen. " +
        `Zo krijgt ${child} de hulp die nodig is. In deze brief leest u wat wij hebben besloten en waarom.`,
    },
    ...replacement(data),

    { kind: "heading", text: "Wat hebben wij besloten?" },
    {
      kind: "paragraph",
      text: "Hieronder staat wie wat moet doen. Bij elke opdracht staat wanneer het klaar moet zijn en wie het betaalt.",
    },
    ...data.assignments.map(
      (a, i): LetterBlock => ({
        kind: "assignment",
        title: `Opdracht ${i + 1}`,
        rows: assignmentRows(a, data.madeAt),
      }),
    ),

    { kind: "heading", text: "Waarom dit besluit?" },
    { kind: "paragraph", text: data.decision.rationale },
    { kind: "paragraph", text: `Wij nemen dit besluit op grond van: ${data.decision.legalBasis}` },

    { kind: "heading", text: "Wat gebeurt er nu?" },
    {
      kind: "paragraph",
      text: "Wij houden in de gaten of elke opdracht op tijd klaar is. Wij kijken ook of het echt gedaan is.",
    },
    {
      kind: "paragraph",
      text:
        "Gebeurt iets niet? Of niet op tijd? Laat het ons dan weten. Dat kan op de pagina van uw melding in Doorbraak. " +
        "U kunt ons ook bellen of mailen. Onze gegevens staan bovenaan deze brief.",
    },
    ...clientSupport(data.gemeente),

    { kind: "heading", text: "Bent u het niet eens met dit besluit?" },
    {
      kind: "paragraph",
      text:
        `Dan kunt u bezwaar maken. U schrijft dan een brief aan ${college}. Die brief heet een bezwaarschrift.`,
    },
    {
      kind: "paragraph",
      text:
        "Doe dit binnen zes weken. Die zes weken beginnen op de dag nadat wij u het besluit hebben gestuurd of gegeven. " +
        "Op de website van de gemeente staat waar u uw bezwaar naartoe stuurt, en of dat ook digitaal kan.",
    },
    { kind: "paragraph", text: "Zet in uw bezwaarschrift:" },
    {
      kind: "bullets",
      items: [
        "uw naam en adres",
        "de datum",
        `over welk besluit het gaat: het besluit van ${decidedOn}, melding ${data.caseNumber}`,
        "waarom u het niet eens bent met het besluit",
        "uw handtekening",
      ],
    },
    {
      kind: "paragraph",
      text: "Een bezwaar zet het besluit niet stil. De opdrachten gaan dus door, ook als u bezwaar maakt.",
    },
    { kind: "paragraph", text: "De regels hiervoor staan in de Algemene wet bestuursrecht (artikel 6:5 en 6:7)." },

    { kind: "heading", text: "Wilt u een klacht indienen?" },
    {
      kind: "paragraph",
      text:
        "Een klacht gaat over hoe wij u of uw kind hebben behandeld. Bijvoorbeeld: u kreeg lang geen antwoord. " +
        "Bent u het niet eens met het besluit zelf? Maak dan bezwaar, zoals hierboven staat.",
    },
    { kind: "paragraph", text: `Stuur uw klacht eerst naar de gemeente ${g}.` },
    { kind: "paragraph", text: ombudsmanText(data.gemeente) },
    {
      kind: "paragraph",
      text:
        "Gaat uw klacht over de rechten van een kind of jongere? Dan kunt u ook naar de Kinderombudsman " +
        `(${KINDEROMBUDSMAN_URL}). Kinderen en jongeren kunnen daar ook zelf terecht.`,
    },

    signature(data, college),
  ];
}

/** The closing lines: signed on behalf of the college, by the decision holder when known. */
function signature(data: LetterData, college: string): LetterBlock {
  return {
    kind: "paragraph",
    text: [
      "Met vriendelijke groet,",
      `namens ${college},`,
      ...(data.decision.signedBy ? [data.decision.signedBy, "beslisser doorzettingsmacht jeugd"] : ["de beslisser doorzettingsmacht jeugd"]),
    ].join("\n"),
  };
}

/**
 * The copy for one party of the decision: only its own assignment, the legal
 * basis, and what the gemeente expects of it. Not the reasons, which may tell
 * about the child's health, nor the other parties' assignments: the family's
 * letter holds those.
 */
export function partyLetterContent(data: LetterData, assignment: LetterData["assignments"][number]): LetterBlock[] {
  const g = data.gemeente.name;
  const college = `het college van burgemeester en wethouders van de gemeente ${data.gemeente.officialName}`;
  const decidedOn = formatDay(data.decision.decidedAt);
  return [
    { kind: "letterhead", lines: [`Gemeente ${g}`, ...contactLines(data.gemeente)] },
    {
      kind: "facts",
      rows: [
        { label: "Aan", value: assignment.party },
        { label: "Datum van deze brief", value: formatDay(data.madeAt) },
        { label: "Datum van het besluit", value: decidedOn },
        { label: "Nummer van de melding", value: data.caseNumber },
        { label: "Kind", value: data.childName },
      ],
    },
    { kind: "title", text: `Besluit met doorzettingsmacht: opdracht voor ${assignment.party}` },
    { kind: "paragraph", text: "Geachte heer of mevrouw," },
    {
      kind: "paragraph",
      text:
        `De hulp voor ${data.childName} zat vast. Daarom heeft de gemeente ${g} een besluit genomen met doorzettingsmacht. ` +
        `Dat betekent: de gemeente beslist wie wat moet doen. In dit besluit staat een opdracht voor ${assignment.party}. ` +
        "Deze brief gaat alleen over die opdracht.",
    },
    ...replacement(data),
    { kind: "heading", text: "Uw opdracht" },
    {
      kind: "assignment",
      title: "Opdracht",
      rows: assignmentRows(assignment, data.madeAt),
    },
    { kind: "paragraph", text: `Wij nemen dit besluit op grond van: ${data.decision.legalBasis}` },
    { kind: "heading", text: "Wat vragen wij van u?" },
    {
      kind: "paragraph",
      text:
        "Voer de opdracht uit voor de datum hierboven. Laat ons weten wanneer het klaar is. " +
        "Lukt het niet, of niet op tijd? Laat het ons dan zo snel mogelijk weten, en zeg waarom. Onze gegevens staan bovenaan deze brief.",
    },
    { kind: "paragraph", text: "Het gezin krijgt een eigen brief met het hele besluit." },
    { kind: "heading", text: "Bent u het niet eens met dit besluit?" },
    {
      kind: "paragraph",
      text:
        `Dan kunt u bezwaar maken. U schrijft dan een brief aan ${college}. Doe dit binnen zes weken. ` +
        "Die zes weken beginnen op de dag nadat wij u het besluit hebben gestuurd of gegeven. " +
        `Noem in uw bezwaarschrift het besluit van ${decidedOn}, melding ${data.caseNumber}, en waarom u het er niet mee eens bent.`,
    },
    {
      kind: "paragraph",
      text: "Een bezwaar zet het besluit niet stil. De opdracht gaat dus door, ook als u bezwaar maakt. De regels hiervoor staan in de Algemene wet bestuursrecht (artikel 6:5 en 6:7).",
    },
    signature(data, college),
  ];
}
