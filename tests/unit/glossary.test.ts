import { describe, expect, it } from "vitest";
import { glossary, termsIn } from "@/lib/domain/glossary";

const keys = (...texts: string[]) => termsIn(texts).map((e) => e.key);

describe("the glossary a family reads", () => {
  it("finds the staff words in what staff wrote, as whole words in any case", () => {
    expect(keys("Er is nog geen TLV aangevraagd voor SO-cluster 4.")).toEqual(["tlv", "cluster4"]);
    expect(keys("Het besluit doorzettingsmacht volgt op de impasse.")).toEqual(["impasse", "doorzettingsmacht"]);
    expect(keys("Het SWV en de leerplichtambtenaar zijn gebeld.")).toEqual(["samenwerkingsverband", "leerplicht"]);
    expect(keys("Geen plek in de jggz; Wlz-indicatie loopt.")).toEqual(["wlz", "ggz"]);
  });

  it("does not find a term inside another word", () => {
    expect(keys("atlvx", "Expertteamleden", "groppeling", "impassen")).toEqual([]);
  });

  it("gives every word a short explanation in Dutch and in English", () => {
    for (const entry of glossary) {
      for (const language of [entry.nl, entry.en]) {
        expect(language.term.length).toBeGreaterThan(1);
        // B1: a few short sentences.
        const sentences = language.explanation.split(/(?<=\.)\s+/);
        expect(sentences.length).toBeLessThanOrEqual(3);
        for (const sentence of sentences) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(22);
      }
    }
    expect(new Set(glossary.map((e) => e.key)).size).toBe(glossary.length);
  });

  it("ignores empty texts", () => {
    expect(termsIn([null, undefined, ""])).toEqual([]);
  });
});
