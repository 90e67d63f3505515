import { describe, expect, it } from "vitest";
import { isGemeenteLive, missingForLive, rerouteFor, routeFor, type GemeenteFacts } from "@/lib/domain/coverage";

const liveRegion = { teamActivated: true, experts: 2 };
const live: GemeenteFacts = { activated: true, aanspreekpunten: 1, decisionHolders: 1, region: liveRegion };

describe("a gemeente is live only when someone can act on every step", () => {
  it("is live with activation, an aanspreekpunt, a decision holder and a live expert team", () => {
    expect(isGemeenteLive(live)).toBe(true);
    expect(missingForLive(live)).toEqual([]);
  });

  it.each([
    ["not activated", { activated: false }, "activation"],
    ["no aanspreekpunt", { aanspreekpunten: 0 }, "aanspreekpunt"],
    ["no decision holder", { decisionHolders: 0 }, "decisionHolder"],
    ["no region", { region: null }, "expertTeam"],
    ["an expert team that is not activated", { region: { teamActivated: false, experts: 3 } }, "expertTeam"],
    ["an expert team without members", { region: { teamActivated: true, experts: 0 } }, "expertTeam"],
  ] as const)("is not live with %s", (_, change, missing) => {
    const g = { ...live, ...change };
    expect(isGemeenteLive(g)).toBe(false);
    expect(missingForLive(g)).toEqual([missing]);
  });
});

describe("a new case goes to whoever can act", () => {
  it("goes to the gemeente when it is live", () => {
    expect(routeFor(live)).toBe("GEMEENTE");
  });

  it("goes to the region's expert team when only the region is live", () => {
    expect(routeFor({ ...live, activated: false, aanspreekpunten: 0 })).toBe("REGION");
    expect(routeFor({ ...live, decisionHolders: 0 })).toBe("REGION");
  });

  it("goes to the national fallback when neither is live", () => {
    expect(routeFor({ ...live, region: { teamActivated: false, experts: 0 } })).toBe("FALLBACK");
    expect(routeFor({ activated: false, aanspreekpunten: 0, decisionHolders: 0, region: null })).toBe("FALLBACK");
  });
});

describe("a waiting case moves on when coverage changes", () => {
  const regionOnly: GemeenteFacts = { ...live, activated: false };
  const nobody: GemeenteFacts = { ...regionOnly, region: null };

  it("moves to the gemeente once the gemeente is live, from the region or the fallback", () => {
    expect(rerouteFor("REGION", live)).toBe("GEMEENTE");
    expect(rerouteFor("FALLBACK", live)).toBe("GEMEENTE");
  });

  it("moves from the fallback to the region once the region is live", () => {
    expect(rerouteFor("FALLBACK", regionOnly)).toBe("REGION");
  });

  it("never moves back to the fallback or away from someone who has it", () => {
    expect(rerouteFor("REGION", nobody)).toBeNull();
    expect(rerouteFor("GEMEENTE", nobody)).toBeNull();
    expect(rerouteFor("GEMEENTE", regionOnly)).toBeNull();
    expect(rerouteFor("FALLBACK", nobody)).toBeNull();
  });
});
