import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";

const dir = path.join(process.cwd(), "lib", "i18n", "messages");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function catalog(locale: string): Record<string, unknown> {
  return Object.assign(
    {},
    ...readdirSync(path.join(dir, locale)).map((f) => JSON.parse(readFileSync(path.join(dir, locale, f), "utf8")) as object),
  );
}

describe("message catalogs", () => {
  it("have the same keys in every language", () => {
    const [first, ...rest] = locales.map((l) => keys(catalog(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it("use no dots inside keys (next-intl reads dots as nesting)", () => {
    const dotted: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value !== "object" || value === null) return;
      for (const [k, v] of Object.entries(value)) {
        if (k.includes(".")) dotted.push(k);
        walk(v);
      }
    };
    for (const locale of locales) walk(catalog(locale));
    expect(dotted).toEqual([]);
  });

  it("split the catalog into files without overlapping top-level names", () => {
    const files = readdirSync(path.join(dir, "nl")).map((f) => Object.keys(JSON.parse(readFileSync(path.join(dir, "nl", f), "utf8")) as object));
    const all = files.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
