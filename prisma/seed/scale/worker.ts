/**
 * One worker of `npm run seed:scale`: plays the lives of its share of the
 * cases (every n-th) and streams their rows into the loading database on its
 * own connections. Started by prisma/seed/scale.ts, which sends the world as
 * it made it and gets the counts (and the families' registrations, for the
 * chains outside cases) back.
 */
import { performance } from "node:perf_hooks";
import { MINUTE } from "./calendar";
import { CaseSim, drawFacts, drawPlan, type Person, type Place, type World } from "./lifecycle";
import { Random } from "./random";
import { Loader, registration, writeCase, writeUser, type WorkerResult, type WorkerSpec } from "./rows";
import * as words from "./vocabulary";

const DOMAIN = "schaal.doorbraak.nl";

async function work(spec: WorkerSpec): Promise<WorkerResult> {
  const places = new Map<string, Place>(spec.places.map((p) => [p.cbsCode, p]));
  const world: World = {
    now: spec.now,
    experts: new Map(spec.experts),
    ombudsmen: spec.ombudsmen,
    transferTarget(from, r) {
      const { codes, upTo } = spec.transfer;
      for (;;) {
        const to = places.get(codes[r.cumulative(upTo)]!)!;
        if (to.id !== from.id) return to;
      }
    },
  };
  const loader = new Loader();
  await loader.open(spec.url);
  const t0 = performance.now();
  let waited = 0;

  const result: WorkerResult = {
    counts: {},
    statuses: {},
    gemeenten: {},
    purged: 0,
    auditEvents: 0,
    registrations: [],
    samples: [],
    biggest: { number: "", events: 0, timeline: 0, interventions: 0 },
    maxRssMb: 0,
  };
  for (let index = spec.shard; index < spec.cases.length; index += spec.shards) {
    const seed = spec.cases[index]!;
    // Every case has its own generator, so the data set does not depend on how the cases are shared out.
    const r = new Random(`${spec.seed}:case:${index}`);
    const caseId = r.cuid();
    const surname = r.pick(words.surnames);
    let filer: Person;
    if (seed.familyNo === 0) {
      filer = spec.ouder;
    } else {
      filer = {
        id: r.cuid(),
        email: `ouder-${String(seed.familyNo).padStart(6, "0")}@${DOMAIN}`,
        name: `${r.pick(words.adultFirstNames)} ${surname}`,
        organisation: null,
        role: "FAMILY",
        ip: words.documentationIp(seed.familyNo * 7),
        userAgent: r.pick(words.familyUserAgents),
      };
    }
    const facts = drawFacts(r, seed.at, filer === spec.ouder ? "de Vries" : surname);
    // A young person of 16 or older may file for themselves.
    if (facts.partyRole === "YOUTH" && filer !== spec.ouder) filer.name = facts.childName;
    if (filer !== spec.ouder) {
      // The family made an account just before filing (register-family.ts), recorded in their own chain.
      const registeredAt = seed.at - r.between(3, 90) * MINUTE;
      writeUser(loader, r, filer, spec.passwordHash, registeredAt, { gemeenteId: null, regionId: null });
      result.registrations.push(registration(r, filer, registeredAt));
    }
    const sim = new CaseSim(r, world, caseId, seed.number, seed.at, filer, facts, places.get(seed.code)!);
    if (seed.special === "long") {
      sim.liveLong({ notes: 460, infoRounds: 120, reassigns: 60, interventions: 260, referAt: Date.UTC(2024, 5, 3, 9, 0, 0), readsPerStep: 4 });
    } else if (seed.special === "watched") {
      sim.liveWatched({ ...drawPlan(r, spec.readRate), interventions: 4, assignments: 3 }, 9);
    } else {
      sim.live(drawPlan(r, spec.readRate));
    }
    writeCase(loader, r, sim, spec.now);

    result.auditEvents += sim.audits.length;
    result.statuses[sim.status] = (result.statuses[sim.status] ?? 0) + 1;
    const per = (result.gemeenten[sim.place.cbsCode] ??= { total: 0, open: 0 });
    per.total += 1;
    if (sim.status !== "CLOSED") per.open += 1;
    if (sim.purgedAt !== null) result.purged += 1;
    if (seed.special) result.samples.push({ number: sim.number, id: sim.id, label: `${seed.special} (${sim.status})` });
    else if (index % 5000 === spec.shard) result.samples.push({ number: sim.number, id: sim.id, label: `sample (${sim.status})` });
    if (sim.audits.length > result.biggest.events) {
      result.biggest = { number: sim.number, events: sim.audits.length, timeline: sim.timeline.length, interventions: sim.interventions.length };
    }
    if (index % 64 < spec.shards) {
      const w = performance.now();
      await loader.drain();
      waited += performance.now() - w;
    }
  }
  const t1 = performance.now();
  result.counts = await loader.close();
  if (process.env.SCALE_DEBUG) console.error(`worker ${spec.shard}: ready at ${(t0 / 1000).toFixed(1)} s, cases ${((t1 - t0) / 1000).toFixed(1)} s (waiting ${(waited / 1000).toFixed(1)} s), commit ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return result;
}

// When the coordinator goes away (it failed, or was stopped), so does its worker.
process.on("disconnect", () => process.exit(1));

process.once("message", (spec: WorkerSpec) => {
  work(spec)
    .then((result) => process.send!(result, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
});
