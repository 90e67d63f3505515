import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions } from "@/lib/domain/audit";
import { timelineKinds } from "@/lib/domain/timeline";
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

  it("name every timeline step for the family and for staff", () => {
    for (const locale of locales) {
      const all = catalog(locale) as { family: { timeline: object }; workspace: { timeline: object } };
      for (const kind of timelineKinds) {
        expect(Object.keys(all.family.timeline), `${locale} family`).toContain(kind);
        expect(Object.keys(all.workspace.timeline), `${locale} staff`).toContain(kind);
      }
    }
  });

  it("name every audited action for the ombudsman", () => {
    const actions: readonly string[] = auditActions;
    for (const locale of locales) {
      const all = catalog(locale) as { audit: { action: Record<string, string> } };
      const missing = actions
        .filter((a) => !["case.follow", "case.view"].includes(a))
        .filter((a) => !(a.replace(".", "_") in all.audit.action));
      expect(missing, locale).toEqual([]);
    }
  });
});

/** Every .ts and .tsx file below `root`, but the generated database client. */
function sourceFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const file = path.join(root, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The keys of every `errors` section of a catalog, wherever it sits. */
function errorKeys(value: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "errors" && typeof v === "object" && v !== null) Object.keys(v).forEach((key) => found.add(key));
      walk(v);
    }
  };
  walk(value);
  return found;
}

describe("the messages of refusals", () => {
  it("exist for every code a service refuses with, and every field it refuses, in every language", () => {
    const codes = new Set<string>();
    for (const file of [...sourceFiles(path.join(process.cwd(), "lib")), ...sourceFiles(path.join(process.cwd(), "app"))]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/new DomainError\("checkFields",\s*\{([^}]*)\}/g)) {
        for (const field of m[1]!.matchAll(/:\s*"(\w+)"/g)) codes.add(field[1]!);
      }
      for (const m of text.matchAll(/new DomainError\("(\w+)"/g)) if (m[1] !== "checkFields") codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const locale of locales) {
      const known = errorKeys(catalog(locale));
      expect([...codes].filter((code) => !known.has(code)).map((code) => `${locale}: no message for ${code}`)).toEqual([]);
    }
  });
});
