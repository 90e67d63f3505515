import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import type { Actor } from "@/lib/auth/actor";
import { MAX_DOCUMENT_BYTES } from "@/lib/domain/documents";
import { requestBodyLimitBytes } from "@/lib/http/body-limit";
import { caseDraftInput, fileCaseInput, filingInputFromForm } from "@/lib/domain/inputs";
import { filingErrors } from "@/lib/domain/filing-steps";
import { prisma } from "@/tests/support/owner-db";
import { formValues, MAX_ECHOED_VALUE, runAction } from "@/lib/server/action";
import { fileCase } from "@/lib/server/cases/file-case";
import { loadDraft, saveDraft } from "@/lib/server/drafts/case-draft";
import { caseInput, makeActor } from "../support/factories";

/**
 * Whatever a person types or pastes into a filing field is either stored and
 * read back exactly, or refused with a Dutch message for that field. Never a
 * server error, never half a case.
 */
const nasty = {
  emoji: "Noah 🧒🏽 en zijn zusje 👧 ❤️",
  rightToLeft: "نور الهدى و שלום עליכם",
  rtlOverride: "factuur\u202Efdp.exe",
  combining: "Ame\u0301lie Zoë",
  sql: `Robert'); DROP TABLE "Case";--`,
  html: `<script>alert("x")</script><img src=x onerror=alert(1)>`,
  nul: "voor\u0000na",
  bell: "voor\u0007na",
  veryLong: "Dit is heel veel tekst. ".repeat(5000),
  onlySpaces: "    ",
  multiline: "Regel één\nRegel twee\r\n\tMet een tab",
} as const;

const errorKeys = Object.keys(
  (JSON.parse(readFileSync(path.join(process.cwd(), "lib/i18n/messages/nl/common.json"), "utf8")) as { errors: object }).errors,
);

/** The form as the browser sends it, through FormData like the server action reads it. */
function formWith(field: string, value: string): FormData {
  const data = new FormData();
  const base = { ...caseInput({ filerRole: "PROFESSIONAL", organisation: "Leerplicht", consentMethod: "PHONE" }), consent: "on" };
  for (const [key, v] of Object.entries(base)) {
    if (key === "domains") for (const d of v as string[]) data.append("domains", d);
    else if (v !== null && v !== undefined) data.set(key, String(v));
  }
  data.set(field, value);
  return data;
}

const textFields = [
  "childName",
  "organisation",
  "stuckDescription",
  "refusedBy",
  "triedDescription",
  "needDescription",
  "risks",
  "contactPhone",
] as const;

describe("bad input in the filing form", () => {
  let professional: Actor;
  beforeAll(async () => {
    professional = await makeActor("PROFESSIONAL");
  });

  for (const field of textFields) {
    for (const [kind, value] of Object.entries(nasty)) {
      it(`${field}: ${kind} is stored exactly or refused for that field`, async () => {
        const input = filingInputFromForm(formWith(field, value));
        const before = await prisma.case.count();
        const parsed = fileCaseInput.safeParse(input);
        if (!parsed.success) {
          const errors = filingErrors(input);
          expect(Object.keys(errors)).toEqual([field]);
          expect(errorKeys).toContain(errors[field]);
          expect(await prisma.case.count()).toBe(before);
          return;
        }
        const filed = await fileCase(professional, parsed.data);
        const row = await prisma.case.findUniqueOrThrow({ where: { id: filed.id }, include: { parties: true } });
        const stored: Record<string, string | null> = {
          childName: row.childName,
          organisation: row.parties[0]?.organisation ?? null,
          stuckDescription: row.stuckDescription,
          refusedBy: row.refusedBy,
          triedDescription: row.triedDescription,
          needDescription: row.needDescription,
          risks: row.risks,
          contactPhone: row.parties[0]?.phone ?? null,
        };
        expect(stored[field]).toBe(value.trim() === "" ? null : value.trim());
      });
    }
  }

  it("refuses what no one can mean, each with its own message", () => {
    expect(filingErrors(filingInputFromForm(formWith("childName", nasty.nul)))).toEqual({ childName: "controlCharacters" });
    expect(filingErrors(filingInputFromForm(formWith("stuckDescription", nasty.veryLong)))).toEqual({ stuckDescription: "tooLong" });
    expect(filingErrors(filingInputFromForm(formWith("needDescription", nasty.onlySpaces)))).toEqual({ needDescription: "required" });
    expect(filingErrors(filingInputFromForm(formWith("childBirthDate", nasty.sql)))).toEqual({ childBirthDate: "invalidDate" });
    expect(filingErrors(filingInputFromForm(formWith("childBsn", nasty.emoji)))).toEqual({ childBsn: "invalidBsn" });
    expect(filingErrors(filingInputFromForm(formWith("ownGemeenteCode", nasty.html)))).toEqual({ ownGemeenteCode: "unknownGemeente" });
    expect(filingErrors(filingInputFromForm(formWith("urgency", nasty.sql)))).toEqual({ urgency: "required" });
    expect(filingErrors(filingInputFromForm(formWith("schoolSituation", nasty.rightToLeft)))).toEqual({ schoolSituation: "required" });
  });

  it("keeps a draft of anything typed, leaving out only what the database cannot hold", async () => {
    const parent = await makeActor("FAMILY");
    const values = { childName: nasty.emoji, stuckDescription: nasty.html, refusedBy: nasty.rightToLeft, triedDescription: nasty.nul };
    const parsed = caseDraftInput.parse(values);
    await saveDraft(parent, parsed);
    const draft = await loadDraft(parent);
    expect(draft?.values).toMatchObject({ ...values, triedDescription: "voorna" });
  });
});

/** Next.js's size notation ("11mb"), in bytes as Next.js counts them (1 mb = 1024 kb). */
function bytesOf(limit: unknown): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(String(limit));
  if (!match) throw new Error(`unreadable body size limit: ${String(limit)}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? "b").toLowerCase() as "b" | "kb" | "mb" | "gb"];
  return Number(match[1]) * unit;
}

describe("oversized bodies", () => {
  const limit = bytesOf(nextConfig.experimental?.serverActions?.bodySizeLimit);

  it("lets a server action's body hold a whole document, and not much more", () => {
    // Larger bodies are refused by Next.js itself (413) before any action runs.
    expect(limit).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    // The same limit as the proxy's, so that no body passes one and is cut off by the other.
    expect(limit).toBe(requestBodyLimitBytes);
    expect(limit).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES + 5 * 1024 * 1024);
  });

  // A body just under the limit, all of it in one text field: what Next.js lets through to the action.
  const huge = "Dit is heel veel tekst. ".repeat(Math.floor((limit - 64 * 1024) / 24));

  for (const field of ["stuckDescription", "risks", "childName"] as const) {
    it(`answers ${field} of ${Math.round(limit / 1024 / 1024)} MB with "too long" for that field, and files nothing`, async () => {
      const before = await prisma.case.count();
      const data = formWith(field, huge);
      const result = await runAction(fileCaseInput, filingInputFromForm(data), formValues(data), () => {
        throw new Error("the service must not be reached");
      });
      expect(result).toMatchObject({ ok: false, error: "checkFields" });
      expect(result?.ok === false && result.fieldErrors).toEqual({ [field]: "tooLong" });
      // The answer gives back the start of what was typed, not megabytes of it.
      expect(result?.ok === false && result.values[field]).toBe(huge.slice(0, MAX_ECHOED_VALUE));
      expect(await prisma.case.count()).toBe(before);
    });
  }

  it("saves no draft of it either", () => {
    expect(caseDraftInput.safeParse({ stuckDescription: huge }).success).toBe(false);
  });
});
