import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterScope, scopeOfActor } from "@/lib/db/acting";
import { embeddedClient, openEmbedded } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDeploy } from "@/scripts/db/engine";

/**
 * The demo's embedded database (PGlite) has the same wall as PostgreSQL
 * (decision 016): migrated and filled by its owner, then opened the way the
 * portal opens it, as doorbraak_app.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "doorbraak-embedded-"));
let db: PGlite;
let portal: PrismaClient;
let denHaag: { gemeenteId: string; caseId: string };
let delft: { gemeenteId: string; caseId: string };

function staffOf(gemeenteId: string) {
  return scopeOfActor({ userId: `staff-${gemeenteId}`, memberships: [{ role: "AANSPREEKPUNT", gemeenteId, regionId: null }] });
}

async function casesSeenBy(gemeenteId: string): Promise<string[]> {
  return portal.$transaction(async (tx) => {
    await enterScope(tx, staffOf(gemeenteId));
    return (await tx.case.findMany({ select: { id: true } })).map((c) => c.id);
  });
}

beforeAll(async () => {
  await migrateDeploy({ kind: "pglite", dataDir });

  const ownerDb = await openEmbedded(dataDir, "owner");
  const owner = embeddedClient(Promise.resolve(ownerDb));
  const region = await owner.region.create({ data: { code: "JZ99", name: "Testregio" } });
  const addCase = async (cbsCode: string, name: string, number: string) => {
    const gemeente = await owner.gemeente.create({ data: { cbsCode, name, regionId: region.id, activatedAt: new Date() } });
    const created = await owner.case.create({
      data: {
        number,
        gemeenteId: gemeente.id,
        regionId: region.id,
        childName: `Kind ${name}`,
        childBirthDate: new Date("2014-02-03"),
        residenceRule: "OWN_ADDRESS",
        consentGivenBy: "PARENT",
        stuckDescription: "Niemand pakt het op.",
        triedDescription: "Gebeld.",
        needDescription: "Hulp.",
      },
    });
    return { gemeenteId: gemeente.id, caseId: created.id };
  };
  denHaag = await addCase("GM0518", "Den Haag", "DB-2026-000001");
  delft = await addCase("GM0503", "Delft", "DB-2026-000002");
  await owner.$disconnect();
  await ownerDb.close();

  db = await openEmbedded(dataDir);
  portal = embeddedClient(Promise.resolve(db));
}, 120_000);

afterAll(async () => {
  await portal?.$disconnect();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database, opened as the portal opens it", () => {
  it("acts as doorbraak_app, which is no superuser and cannot bypass row-level security", async () => {
    const [role] = await portal.$queryRaw<{ name: string; superuser: boolean; bypass: boolean }[]>`
      SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ name: "doorbraak_app", superuser: false, bypass: false });
  });

  it("sees no case without a transaction that says who acts", async () => {
    expect(await portal.case.count()).toBe(0);
    expect(await portal.$queryRaw`SELECT id FROM "Case"`).toEqual([]);
  });

  it("shows staff of a gemeente its own case and not another gemeente's", async () => {
    expect(await casesSeenBy(denHaag.gemeenteId)).toEqual([denHaag.caseId]);
    expect(await casesSeenBy(delft.gemeenteId)).toEqual([delft.caseId]);
  });

  it("keeps the role and forgets the scope after a transaction, also one that failed", async () => {
    await expect(
      portal.$transaction(async (tx) => {
        await enterScope(tx, staffOf(denHaag.gemeenteId));
        expect(await tx.case.count()).toBe(1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const [after] = await portal.$queryRaw<{ name: string }[]>`SELECT current_user AS name`;
    expect(after?.name).toBe("doorbraak_app");
    expect(await portal.case.count()).toBe(0);
  });

  it("cannot change a case outside its scope", async () => {
    const changed = await portal.$transaction(async (tx) => {
      await enterScope(tx, staffOf(denHaag.gemeenteId));
      return tx.case.updateMany({ where: { id: delft.caseId }, data: { childName: "Overschreven" } });
    });
    expect(changed.count).toBe(0);
  });
});

describe("an embedded database that was never migrated", () => {
  it("is refused for the portal instead of being used as its superuser", async () => {
    const client = embeddedClient(openEmbedded("memory://"));
    await expect(client.$queryRaw`SELECT current_user`).rejects.toThrow(/no role doorbraak_app/);
    await client.$disconnect();
  }, 60_000);
});
