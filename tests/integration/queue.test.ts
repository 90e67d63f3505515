import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/tests/support/owner-db";
import {
  defaultQueueFilter,
  encodeQueueCursor,
  queueTabs,
  type QueueFilter,
  type QueueSort,
  type QueueTab,
} from "@/lib/domain/queue-filters";
import type { CaseStatus, Domain, SchoolSituation, Urgency } from "@/lib/generated/prisma/client";
import { countGemeenteQueue, listGemeenteQueue, listRegionQueue, type QueueRow } from "@/lib/server/cases/list-queues";
import { DELFT, DEN_HAAG, HAAGLANDEN, makeActor } from "../support/factories";

/**
 * The gemeente queue against a real database. Cases are written straight into
 * the table, so each test knows exactly which cases every tab must show.
 */

const now = new Date("2026-11-23T12:00:00.000Z");
const day = 86_400_000;
const inDays = (n: number) => new Date(now.getTime() + n * day);

type Spec = {
  number: string;
  childName: string;
  status?: CaseStatus;
  urgency?: Urgency;
  domains?: Domain[];
  schoolSituation?: SchoolSituation | null;
  assignee?: "me" | "colleague" | null;
  deadlineAt?: Date | null;
  createdAt?: Date;
};

let serial = 0;
const num = () => `DB-2026-${String(700000 + ++serial).padStart(6, "0")}`;

async function insertCases(gemeenteCode: string, specs: Spec[], people: { me?: Actor; colleague?: Actor } = {}) {
  const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { cbsCode: gemeenteCode } });
  await prisma.case.createMany({
    data: specs.map((s) => ({
      number: s.number,
      gemeenteId: gemeente.id,
      regionId: gemeente.regionId,
      status: s.status ?? "TRIAGE",
      urgency: s.urgency ?? "NORMAL",
      domains: s.domains ?? ["JEUGDHULP"],
      schoolSituation: s.schoolSituation === undefined ? "ATTENDING" : s.schoolSituation,
      childName: s.childName,
      childBirthDate: new Date("2014-02-03"),
      residenceRule: "OWN_ADDRESS",
      consentGivenBy: "PARENT",
      stuckDescription: "Er is al maanden geen passende hulp.",
      triedDescription: "Gebeld met iedereen.",
      needDescription: "Passende hulp.",
      assigneeId: s.assignee === "me" ? people.me!.userId : s.assignee === "colleague" ? people.colleague!.userId : null,
      deadlineAt: s.deadlineAt === undefined ? inDays(5) : s.deadlineAt,
      // A closed case has its closing date (a constraint holds the two together).
      closedAt: s.status === "CLOSED" ? inDays(-1) : null,
      ...(s.createdAt ? { createdAt: s.createdAt } : {}),
    })),
  });
}

/** Every row of a view, following the "next" cursors to the end. */
async function allPages(actor: Actor, filter: Partial<QueueFilter>, pageSize = 4): Promise<QueueRow[][]> {
  const pages: QueueRow[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listGemeenteQueue(actor, { ...defaultQueueFilter, ...filter, cursor }, { now, pageSize });
    pages.push(page.rows);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

async function numbersOf(actor: Actor, filter: Partial<QueueFilter>): Promise<string[]> {
  return (await allPages(actor, filter)).flat().map((r) => r.number);
}

const sorted = (xs: string[]) => [...xs].sort();

describe("the gemeente queue", () => {
  let me: Actor, colleague: Actor, delft: Actor, decider: Actor, family: Actor;
  const dh: Record<string, Spec> = {};
  let delftCase: Spec;

  beforeAll(async () => {
    me = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    colleague = await makeActor("AANSPREEKPUNT", { gemeente: DEN_HAAG });
    decider = await makeActor("DECISION_HOLDER", { gemeente: DEN_HAAG });
    delft = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    family = await makeActor("FAMILY");
    const specs: Record<string, Omit<Spec, "number">> = {
      newOne: { childName: "Emma de Vries", status: "SUBMITTED", domains: ["ZVW_GGZ"] },
      newCrisis: { childName: "Daan Bakker", status: "SUBMITTED", urgency: "CRISIS", domains: ["JEUGDHULP", "ONDERWIJS"], schoolSituation: "NONE" },
      mineTriage: { childName: "Noah de Vries", status: "TRIAGE", assignee: "me", urgency: "HIGH", domains: ["ONDERWIJS"], schoolSituation: "NONE" },
      mineOverdue: { childName: "Zoë Jansen", status: "IN_PROGRESS", assignee: "me", deadlineAt: inDays(-2), urgency: "HIGH", domains: ["ONDERWIJS", "WMO"] },
      colleagueOverdue: { childName: "Milan Jacobs", status: "TRIAGE", assignee: "colleague", deadlineAt: inDays(-1), schoolSituation: "NONE", urgency: "HIGH", domains: ["JEUGDHULP"] },
      waiting: { childName: "Sara El Idrissi", status: "INFO_REQUESTED", assignee: "me", deadlineAt: null },
      expert: { childName: "Luuk Smit", status: "WITH_EXPERT_TEAM", assignee: "colleague", domains: ["WLZ"] },
      unassignedTriage: { childName: "Fenna Visser", status: "TRIAGE", deadlineAt: inDays(-10), schoolSituation: null },
      proposed: { childName: "Bram de Wit", status: "DECISION_PROPOSED", assignee: "colleague" },
      closed: { childName: "Noah Closed", status: "CLOSED", assignee: "me", deadlineAt: inDays(-30) },
    };
    for (const [key, spec] of Object.entries(specs)) dh[key] = { number: num(), ...spec };
    await insertCases(DEN_HAAG, Object.values(dh), { me, colleague });
    // Another gemeente's case that looks like ours in every way a search could reach.
    delftCase = { number: num(), childName: "Noah de Vries", status: "SUBMITTED", urgency: "CRISIS", deadlineAt: inDays(-3), schoolSituation: "NONE", domains: ["ONDERWIJS"] };
    await insertCases(DELFT, [delftCase]);
  });

  const numbers = (...keys: string[]) => sorted(keys.map((k) => dh[k]!.number));
  const openKeys = ["newOne", "newCrisis", "mineTriage", "mineOverdue", "colleagueOverdue", "waiting", "expert", "unassignedTriage", "proposed"];

  const expectedTabs: Record<QueueTab, string[]> = {
    all: openKeys,
    new: ["newOne", "newCrisis"],
    mine: ["mineTriage", "mineOverdue", "waiting"],
    unassigned: ["newOne", "newCrisis", "unassignedTriage"],
    waiting: ["waiting"],
    expert: ["expert"],
    overdue: ["mineOverdue", "colleagueOverdue", "unassignedTriage"],
  };

  it.each(queueTabs)("tab %s shows exactly its cases", async (tab) => {
    expect(sorted(await numbersOf(me, { tab }))).toEqual(numbers(...expectedTabs[tab]));
  });

  it("counts what every tab shows", async () => {
    const counts = await countGemeenteQueue(me, defaultQueueFilter, { now });
    for (const tab of queueTabs) expect(counts[tab], tab).toBe(expectedTabs[tab].length);
  });

  it("counts what every tab shows with filters too", async () => {
    const filter = { ...defaultQueueFilter, urgency: ["HIGH" as const], q: "a" };
    const counts = await countGemeenteQueue(me, filter, { now });
    for (const tab of queueTabs) expect(counts[tab], tab).toBe((await numbersOf(me, { ...filter, tab })).length);
    expect(counts.all).toBe(3); // Noah de Vries, Zoë Jansen and Milan Jacobs: HIGH with an "a" in the name
  });

  it("sorts by deadline, overdue first and cases without a deadline last", async () => {
    const rows = (await allPages(me, {})).flat();
    expect(rows[0]!.number).toBe(dh.unassignedTriage!.number);
    expect(rows.at(-1)!.number).toBe(dh.waiting!.number);
    const deadlines = rows.filter((r) => r.deadlineAt).map((r) => r.deadlineAt!.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
  });

  it("describes every row", async () => {
    const rows = (await allPages(me, { tab: "mine" })).flat();
    const overdue = rows.find((r) => r.number === dh.mineOverdue!.number)!;
    expect(overdue).toMatchObject({
      childName: "Zoë Jansen",
      status: "IN_PROGRESS",
      urgency: "HIGH",
      domains: ["ONDERWIJS", "WMO"],
      thuiszitter: false,
      assigneeName: me.name,
      overdue: true,
      escalationLevel: 0,
      // The name people use, not CBS's official "'s-Gravenhage".
      gemeenteName: "Den Haag",
    });
    expect(rows.find((r) => r.number === dh.mineTriage!.number)).toMatchObject({ thuiszitter: true, overdue: false });
    expect(rows.find((r) => r.number === dh.waiting!.number)).toMatchObject({ deadlineAt: null, overdue: false });
    const unassigned = (await allPages(me, { tab: "unassigned" })).flat();
    expect(unassigned.every((r) => r.assigneeName === null)).toBe(true);
  });

  it("combines filters: AND between filters, OR within one", async () => {
    expect(sorted(await numbersOf(me, { urgency: ["HIGH", "CRISIS"] }))).toEqual(
      numbers("newCrisis", "mineTriage", "mineOverdue", "colleagueOverdue"),
    );
    expect(sorted(await numbersOf(me, { domain: ["WLZ", "ZVW_GGZ"] }))).toEqual(numbers("newOne", "expert"));
    expect(sorted(await numbersOf(me, { thuiszitter: true }))).toEqual(numbers("newCrisis", "mineTriage", "colleagueOverdue"));
    expect(sorted(await numbersOf(me, { urgency: ["HIGH"], domain: ["ONDERWIJS"], thuiszitter: true }))).toEqual(numbers("mineTriage"));
    expect(sorted(await numbersOf(me, { tab: "overdue", urgency: ["HIGH"], thuiszitter: true }))).toEqual(numbers("colleagueOverdue"));
    expect(sorted(await numbersOf(me, { tab: "mine", status: "TRIAGE" }))).toEqual(numbers("mineTriage"));
    expect(await numbersOf(me, { tab: "new", status: "TRIAGE" })).toEqual([]);
  });

  it("finds a case by its whole number, part of it, in any case", async () => {
    const number = dh.expert!.number;
    expect(await numbersOf(me, { q: number })).toEqual([number]);
    expect(await numbersOf(me, { q: number.toLowerCase() })).toEqual([number]);
    expect(await numbersOf(me, { q: number.slice(-6) })).toEqual([number]);
    expect(await numbersOf(me, { q: dh.closed!.number })).toEqual([]);
  });

  it("finds a case by part of the child's name, in any case", async () => {
    expect(sorted(await numbersOf(me, { q: "de vries" }))).toEqual(numbers("newOne", "mineTriage"));
    expect(await numbersOf(me, { q: "ZOË" })).toEqual([dh.mineOverdue!.number]);
    expect(await numbersOf(me, { q: "idris" })).toEqual([dh.waiting!.number]);
    expect(await numbersOf(me, { q: "%" })).toEqual([]);
    expect(await numbersOf(me, { q: "_" })).toEqual([]);
    expect(await numbersOf(me, { q: "\\" })).toEqual([]);
    expect(await numbersOf(me, { q: "Emm_" })).toEqual([]);
  });

  it("never shows another gemeente's case, not even when searching its number or name", async () => {
    for (const tab of queueTabs) {
      expect(await numbersOf(me, { tab }), tab).not.toContain(delftCase.number);
      expect(await numbersOf(me, { tab, q: delftCase.number }), tab).toEqual([]);
    }
    expect(await numbersOf(me, { q: "Noah" })).toEqual([dh.mineTriage!.number]);
    expect((await countGemeenteQueue(me, { ...defaultQueueFilter, q: delftCase.number }, { now })).all).toBe(0);
    // And the other way round.
    expect(await numbersOf(delft, {})).toEqual([delftCase.number]);
    expect(await numbersOf(delft, { q: dh.newOne!.number })).toEqual([]);
  });

  it("ignores a forged cursor that points at another gemeente's case", async () => {
    const row = await prisma.case.findUniqueOrThrow({ where: { number: delftCase.number } });
    const cursor = encodeQueueCursor({ sort: "deadline", direction: "next", key: row.deadlineAt, id: row.id });
    const page = await listGemeenteQueue(me, { ...defaultQueueFilter, cursor }, { now, pageSize: 50 });
    expect(page.rows.map((r) => r.number)).not.toContain(delftCase.number);
    expect(page.rows.length).toBeGreaterThan(0);
  });

  it("shows the decision holder the same gemeente queue, and a family nothing", async () => {
    expect(sorted(await numbersOf(decider, {}))).toEqual(numbers(...openKeys));
    expect(await numbersOf(decider, { tab: "mine" })).toEqual([]);
    expect(await numbersOf(family, {})).toEqual([]);
    expect((await countGemeenteQueue(family, defaultQueueFilter, { now })).all).toBe(0);
  });
});

describe("keyset paging", () => {
  let actor: Actor;
  const total = 37;
  const tied = new Date("2026-12-01T09:00:00.000Z");
  const created = new Date("2026-11-01T09:00:00.000Z");

  beforeAll(async () => {
    // Rijswijk: a gemeente of its own, so that only these cases are in the list.
    actor = await makeActor("AANSPREEKPUNT", { gemeente: "GM0603" });
    await insertCases(
      "GM0603",
      Array.from({ length: total }, (_, i) => ({
        number: num(),
        childName: `Kind ${i}`,
        // Three deadlines shared by many cases, and some cases without one: ties everywhere.
        deadlineAt: i % 4 === 3 ? null : new Date(tied.getTime() + (i % 3) * day),
        // Whole groups filed at the same millisecond.
        createdAt: new Date(created.getTime() + (i % 5) * 1000),
      })),
    );
  });

  async function expectedOrder(sort: QueueSort): Promise<string[]> {
    const rows = await prisma.case.findMany({
      where: { gemeente: { cbsCode: "GM0603" } },
      orderBy:
        sort === "deadline"
          ? [{ deadlineAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
          : [{ createdAt: "desc" }, { id: "desc" }],
      select: { number: true },
    });
    return rows.map((r) => r.number);
  }

  it.each(["deadline", "newest"] as const)("returns every case exactly once, in order, sorted by %s", async (sort) => {
    const pages = await allPages(actor, { sort }, 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 2]);
    const seen = pages.flat().map((r) => r.number);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(await expectedOrder(sort));
  });

  it.each(["deadline", "newest"] as const)("walks back page by page to the first page, sorted by %s", async (sort) => {
    const forward: { rows: string[]; previous: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await listGemeenteQueue(actor, { ...defaultQueueFilter, sort, cursor }, { now, pageSize: 5 });
      forward.push({ rows: page.rows.map((r) => r.number), previous: page.previousCursor });
      cursor = page.nextCursor;
    } while (cursor);
    expect(forward[0]!.previous).toBeNull();

    for (let i = forward.length - 1; i > 0; i--) {
      const back = await listGemeenteQueue(actor, { ...defaultQueueFilter, sort, cursor: forward[i]!.previous }, { now, pageSize: 5 });
      expect(back.rows.map((r) => r.number), `page ${i}`).toEqual(forward[i - 1]!.rows);
      expect(back.previousCursor === null, `page ${i}`).toBe(i - 1 === 0);
      expect(back.nextCursor).not.toBeNull();
    }
  });

  it("starts at the top for a cursor made for the other sort order, or one past the end", async () => {
    const first = await listGemeenteQueue(actor, { ...defaultQueueFilter }, { now, pageSize: 5 });
    const newestCursor = encodeQueueCursor({ sort: "newest", direction: "next", key: created, id: "x" });
    const wrongSort = await listGemeenteQueue(actor, { ...defaultQueueFilter, cursor: newestCursor }, { now, pageSize: 5 });
    expect(wrongSort.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    const pastEnd = encodeQueueCursor({ sort: "deadline", direction: "next", key: null, id: "zzzzzzzz" });
    const afterEnd = await listGemeenteQueue(actor, { ...defaultQueueFilter, cursor: pastEnd }, { now, pageSize: 5 });
    expect(afterEnd.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(afterEnd.previousCursor).toBeNull();
  });
});

describe("the expert team queue", () => {
  it("shows open referred cases of its own region only, with deadline, overdue and the question", async () => {
    const expert = await makeActor("EXPERT", { region: HAAGLANDEN });
    const referrer = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
    const referred = { number: num(), childName: "Referred Kind", status: "WITH_EXPERT_TEAM" as const, deadlineAt: inDays(-1) };
    const notReferred = { number: num(), childName: "Local Kind", status: "IN_PROGRESS" as const };
    await insertCases(DELFT, [referred, notReferred]);
    const row = await prisma.case.findUniqueOrThrow({ where: { number: referred.number } });
    await prisma.referral.createMany({
      data: [
        { caseId: row.id, gemeenteId: row.gemeenteId, regionId: row.regionId!, question: "Eerste vraag", referredById: referrer.userId, createdAt: inDays(-5) },
        { caseId: row.id, gemeenteId: row.gemeenteId, regionId: row.regionId!, question: "Nieuwste vraag", referredById: referrer.userId, createdAt: inDays(-2) },
      ],
    });
    const page = await listRegionQueue(expert, {}, { now });
    const numbers = page.rows.map((r) => r.number);
    expect(numbers).toContain(referred.number);
    expect(numbers).not.toContain(notReferred.number);
    expect(page.rows.find((r) => r.number === referred.number)).toMatchObject({ overdue: true, question: "Nieuwste vraag", gemeenteName: "Delft" });

    const elsewhere = await makeActor("EXPERT", { region: (await prisma.region.findFirstOrThrow({ where: { code: { not: HAAGLANDEN } } })).code });
    expect((await listRegionQueue(elsewhere, {}, { now })).rows.map((r) => r.number)).not.toContain(referred.number);
  });
});
