import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import type { Actor } from "@/lib/auth/actor";
import { gemeentePolicyInput } from "@/lib/domain/inputs";
import { prisma } from "@/tests/support/owner-db";
import { updateGemeentePolicy } from "@/lib/server/admin/manage-policy";
import { readAccessLog, type AccessEntry } from "@/lib/server/cases/access-log";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { openCase } from "@/lib/server/cases/open-case";
import { readAuditTrail } from "@/lib/server/cases/read-audit-trail";
import { referCase } from "@/lib/server/cases/refer-case";
import { runOverdueScan } from "@/lib/server/deadlines/overdue-scan";
import { addDocument } from "@/lib/server/documents/add-document";
import { NotFoundError } from "@/lib/server/errors";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

const DAY = 24 * 60 * 60_000;

const minimalPdf = new Uint8Array(
  Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
      "trailer << /Root 1 0 R /Size 4 >>",
      "%%EOF",
      "",
    ].join("\n"),
    "utf8",
  ),
);

/** The sentence the family page shows for an entry, from the Dutch catalog. */
function sentence(entry: AccessEntry): string {
  const messages = JSON.parse(readFileSync(path.join(process.cwd(), "lib/i18n/messages/nl/family.json"), "utf8")) as AbstractIntlMessages;
  const translate = createTranslator({ locale: "nl", messages }) as unknown as (key: string, values?: Record<string, string>) => string;
  const t = (key: string, values?: Record<string, string>) => translate(`family.accessLog.${key}`, values);
  const values = { name: entry.name ?? "", organisation: entry.organisation ?? "" };
  const who = entry.name ? t(`whoNamed.${entry.role}`, values) : t(`who.${entry.role}`, values);
  return t("sentence", { who, what: t(`what.${entry.kind}`) });
}

let parent: Actor, otherParent: Actor, aanspreekpunt: Actor, expert: Actor, ombudsman: Actor, admin: Actor, denHaagId: string;
let filed: { id: string; number: string };

beforeAll(async () => {
  parent = await makeActor("FAMILY");
  otherParent = await makeActor("FAMILY");
  aanspreekpunt = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
  expert = await makeActor("EXPERT", { region: HAAGLANDEN });
  ombudsman = await makeActor("OMBUDSMAN");
  admin = await makeActor("GEMEENTE_ADMIN", { gemeente: DEN_HAAG });
  denHaagId = admin.memberships[0]!.gemeenteId!;

  filed = await fileCase(parent, caseInput());
  // The family's own steps: filing (above) and a document.
  await addDocument(parent, { caseId: filed.id, fileName: "verslag.pdf", content: minimalPdf });
  // Staff: the aanspreekpunt opens, claims and refers; the expert team opens; the ombudsman reads the trail.
  await openCase(aanspreekpunt, filed.number);
  await claimCase(aanspreekpunt, { caseId: filed.id });
  await referCase(aanspreekpunt, { caseId: filed.id, question: "Kan het expertteam een casusoverleg leiden?" });
  await openCase(expert, filed.number);
  await readAuditTrail(ombudsman, filed.number);
  // The system: the case goes past its deadline.
  await prisma.case.update({ where: { id: filed.id }, data: { deadlineAt: new Date(Date.now() - DAY) } });
  await runOverdueScan();
  expect(await prisma.auditEvent.count({ where: { caseId: filed.id, actorId: null, action: "case.overdue" } })).toBe(1);
});

describe("Wie heeft mijn dossier bekeken?", () => {
  it("lists every time staff opened or changed the case, newest first, with role, organisation and time but no names", async () => {
    const log = await readAccessLog(parent, filed.number);
    expect(log.namesShown).toBe(false);
    expect(log.gemeente).toBe("Den Haag");
    expect(log.nextBefore).toBeNull();
    expect(log.entries.map((e) => [e.role, e.organisation, e.kind, e.step])).toEqual([
      ["OMBUDSMAN", null, "auditRead", null],
      ["EXPERT", "Haaglanden", "read", null],
      ["AANSPREEKPUNT", "Den Haag", "change", { step: "referred" }],
      ["AANSPREEKPUNT", "Den Haag", "change", { step: "claimed" }],
      ["AANSPREEKPUNT", "Den Haag", "read", null],
    ]);
    for (const entry of log.entries) {
      expect(entry.name).toBeNull();
      expect(entry.at).toBeInstanceOf(Date);
    }
    const times = log.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect(sentence(log.entries[4]!)).toBe("Het aanspreekpunt van de gemeente Den Haag heeft uw melding bekeken.");
    expect(sentence(log.entries[1]!)).toBe("Een lid van het expertteam Haaglanden heeft uw melding bekeken.");
    expect(sentence(log.entries[0]!)).toBe("De ombudsman heeft de controle-gegevens ingezien.");
  });

  it("leaves out the family's own steps and the system's", async () => {
    const log = await readAccessLog(parent, filed.number);
    const familySide = await prisma.auditEvent.count({ where: { caseId: filed.id, actorRole: "FAMILY" } });
    expect(familySide).toBeGreaterThanOrEqual(2);
    expect(log.entries.every((e) => e.role !== "FAMILY" && e.role !== "PROFESSIONAL")).toBe(true);
    expect(log.entries.map((e) => e.kind)).not.toContain(undefined);
    // Five staff events, out of a trail that also holds the filing, the document and the overdue scan.
    const trail = await prisma.auditEvent.count({ where: { caseId: filed.id } });
    expect(trail).toBeGreaterThan(log.entries.length);
  });

  it("names the staff member once the gemeente's policy is on", async () => {
    await updateGemeentePolicy(admin, gemeentePolicyInput.parse({ gemeenteId: denHaagId, retentionMonths: "", familySeesStaffNames: "on" }));
    try {
      const log = await readAccessLog(parent, filed.number);
      expect(log.namesShown).toBe(true);
      expect(log.entries.map((e) => e.name)).toEqual([ombudsman.name, expert.name, aanspreekpunt.name, aanspreekpunt.name, aanspreekpunt.name]);
      expect(sentence(log.entries[4]!)).toBe(`${aanspreekpunt.name}, aanspreekpunt van de gemeente Den Haag, heeft uw melding bekeken.`);
    } finally {
      await updateGemeentePolicy(admin, gemeentePolicyInput.parse({ gemeenteId: denHaagId, retentionMonths: "" }));
    }
    expect((await readAccessLog(parent, filed.number)).entries.every((e) => e.name === null)).toBe(true);
  });

  it("pages newest first by the trail's position, without gaps or repeats", async () => {
    const all = (await readAccessLog(parent, filed.number)).entries;
    const first = await readAccessLog(parent, filed.number, { limit: 2 });
    expect(first.entries).toEqual(all.slice(0, 2));
    expect(first.nextBefore).toBe(all[1]!.seq);
    const second = await readAccessLog(parent, filed.number, { limit: 2, before: first.nextBefore });
    expect(second.entries).toEqual(all.slice(2, 4));
    const third = await readAccessLog(parent, filed.number, { limit: 2, before: second.nextBefore });
    expect(third.entries).toEqual(all.slice(4));
    expect(third.nextBefore).toBeNull();
  });

  it("never hands out request details or internal ids", async () => {
    const log = await readAccessLog(parent, filed.number);
    const json = JSON.stringify(log);
    for (const secret of ["127.0.0.1", "vitest", "test-", filed.id, denHaagId, aanspreekpunt.userId, expert.userId, ombudsman.userId]) {
      expect(json).not.toContain(secret);
    }
    for (const entry of log.entries) {
      expect(Object.keys(entry).sort()).toEqual(["at", "kind", "name", "organisation", "role", "seq", "step"]);
    }
  });

  it("is only for the family side of the case: anyone else gets not found", async () => {
    const refused = [
      otherParent,
      await makeActor("PROFESSIONAL"),
      aanspreekpunt,
      await makeActor("AANSPREEKPUNT", { gemeente: DELFT }),
      ombudsman,
      admin,
    ];
    for (const actor of refused) {
      await expect(readAccessLog(actor, filed.number)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(readAccessLog(parent, "DB-2099-999999")).rejects.toBeInstanceOf(NotFoundError);
  });
});
