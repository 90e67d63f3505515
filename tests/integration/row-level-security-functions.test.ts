import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { prisma as portal } from "@/lib/db/client";
import { asActor } from "@/lib/db/acting";
import { claimCase } from "@/lib/server/cases/claim-case";
import { fileCase } from "@/lib/server/cases/file-case";
import { referCase } from "@/lib/server/cases/refer-case";
import { caseInput, DELFT, DEN_HAAG, HAAGLANDEN, makeActor, referralFacts } from "@/tests/support/factories";
import { prisma as owner } from "@/tests/support/owner-db";

/**
 * The helper functions of the row-level security policies run as their owner
 * (SECURITY DEFINER), so they see every row. The portal's role can call some of
 * them directly, with any arguments: these tests do that, the way an injected
 * query would, and show that they tell nothing about a case out of reach.
 */
const UTRECHT_REGION = "JZ30";
let referredCase: { id: string; number: string };
let unreferredCase: { id: string; number: string };
let haaglandenExpert: Actor;
let otherRegionExpert: Actor;
let haaglandenRegionId: string;
let otherRegionId: string;

beforeAll(async () => {
  const delftStaff = await makeActor("AANSPREEKPUNT", { gemeente: DELFT });
  referredCase = await fileCase(await makeActor("FAMILY"), caseInput({ ownGemeenteCode: DELFT }));
  unreferredCase = await fileCase(await makeActor("FAMILY"), caseInput({ ownGemeenteCode: DEN_HAAG }));
  await claimCase(delftStaff, { caseId: referredCase.id });
  await referCase(delftStaff, { caseId: referredCase.id, ...referralFacts(), question: "Kan het expertteam een casusoverleg leiden?" });
  haaglandenExpert = await makeActor("EXPERT", { region: HAAGLANDEN });
  otherRegionExpert = await makeActor("EXPERT", { region: UTRECHT_REGION });
  haaglandenRegionId = (await owner.region.findUniqueOrThrow({ where: { code: HAAGLANDEN } })).id;
  otherRegionId = (await owner.region.findUniqueOrThrow({ where: { code: UTRECHT_REGION } })).id;
});

/** What doorbraak_reaches() says when asked about a case through the caller's own region. */
function reachesThroughRegion(actor: Actor, caseId: string, regionId: string): Promise<boolean> {
  return asActor(actor, async (tx) => {
    const [row] = await tx.$queryRaw<{ reaches: boolean }[]>`
      SELECT doorbraak_reaches(${caseId}, 'no-gemeente', ${regionId}, 'no-one', false) IS TRUE AS reaches`;
    return row!.reaches;
  });
}

describe("asking whether a case was referred", () => {
  it("is not something the portal's role may ask directly", async () => {
    await expect(portal.$queryRaw`SELECT doorbraak_referred(${referredCase.id})`).rejects.toThrow(/permission denied/);
    await expect(
      asActor(otherRegionExpert, (tx) => tx.$queryRaw`SELECT doorbraak_referred(${referredCase.id})`),
    ).rejects.toThrow(/permission denied/);
  });

  it("through doorbraak_reaches(), an expert of another region learns nothing of a case of Haaglanden", async () => {
    // The case exists and is referred, as the owner sees.
    expect(await owner.case.findUniqueOrThrow({ where: { id: referredCase.id }, select: { referredAt: true } })).toMatchObject({
      referredAt: expect.any(Date),
    });
    expect(await reachesThroughRegion(otherRegionExpert, referredCase.id, otherRegionId)).toBe(false);
    expect(await reachesThroughRegion(otherRegionExpert, unreferredCase.id, otherRegionId)).toBe(false);
    expect(await reachesThroughRegion(otherRegionExpert, "no-such-case", otherRegionId)).toBe(false);
  });

  it("the region's own expert team still reaches the referred case, and not the other", async () => {
    expect(await reachesThroughRegion(haaglandenExpert, referredCase.id, haaglandenRegionId)).toBe(true);
    expect(await reachesThroughRegion(haaglandenExpert, unreferredCase.id, haaglandenRegionId)).toBe(false);
    const seen = await asActor(haaglandenExpert, async (tx) => ({
      cases: (await tx.case.findMany({ where: { id: { in: [referredCase.id, unreferredCase.id] } }, select: { id: true } })).map((c) => c.id),
      // Rows hanging off the case are judged through doorbraak_may_reach_case(), which asks doorbraak_referred().
      mayWrite: (await tx.$queryRaw<{ may: boolean }[]>`SELECT doorbraak_may_reach_case(${referredCase.id}, true) AS may`)[0]!.may,
    }));
    expect(seen).toEqual({ cases: [referredCase.id], mayWrite: true });
  });
});
