import { describe, expect, it } from "vitest";
import { hasLoneSurrogates, isBlank, isoDay, optionalText, recordId, storableText, text } from "@/lib/domain/fields";

const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("free text", () => {
  const name = text(2, 20);

  it("keeps what a person can type, trimmed", () => {
    expect(name.parse("  Noah 🧒🏽  ")).toBe("Noah 🧒🏽");
    expect(name.parse("نور الهدى")).toBe("نور الهدى");
    expect(name.parse("factuur\u202Efdp.exe")).toBe("factuur\u202Efdp.exe");
    expect(name.parse("Regel één\nRegel\ttwee")).toBe("Regel één\nRegel\ttwee");
  });

  it("refuses NUL and other control characters, C1 included", () => {
    expect(firstError(name.safeParse("voor\u0000na"))).toBe("controlCharacters");
    expect(firstError(name.safeParse("rood \u001b[31m"))).toBe("controlCharacters");
    expect(firstError(name.safeParse("rood \u009b31m"))).toBe("controlCharacters");
  });

  it("refuses half an emoji", () => {
    expect(firstError(name.safeParse("Noah \ud83e"))).toBe("brokenCharacters");
    expect(firstError(name.safeParse("\udc00Noah"))).toBe("brokenCharacters");
    expect(firstError(name.safeParse("Noah 😀\ude00"))).toBe("brokenCharacters");
  });

  it("counts a value that shows nothing as empty", () => {
    expect(firstError(name.safeParse("\u200b\u200b\u200b"))).toBe("required");
    expect(firstError(name.safeParse("\u180e \ufeff"))).toBe("required");
    expect(optionalText(20).parse("\u200b")).toBeNull();
    expect(optionalText(20).parse("  ")).toBeNull();
  });

  it("says which rule a long text breaks", () => {
    expect(firstError(name.safeParse("x".repeat(21)))).toBe("tooLong");
    expect(firstError(name.safeParse("x"))).toBe("tooShort");
  });
});

describe("characters", () => {
  it("tells lone surrogates from pairs", () => {
    expect(hasLoneSurrogates("😀")).toBe(false);
    expect(hasLoneSurrogates("a\ud800b")).toBe(true);
    expect(hasLoneSurrogates("\udc00\udc00")).toBe(true);
    expect(hasLoneSurrogates("😀\ude00")).toBe(true);
  });

  it("sees only letters, digits, punctuation and symbols as visible", () => {
    expect(isBlank("\u200b\u2060\u00a0")).toBe(true);
    expect(isBlank("␣")).toBe(false);
    expect(isBlank("٣")).toBe(false);
  });

  it("lets a draft keep everything but what PostgreSQL cannot hold", () => {
    expect(storableText("voor\u0000na")).toBe("voorna");
    expect(storableText("half \ud83e emoji \udc00")).toBe("half \ufffd emoji \ufffd");
    expect(storableText("heel 😀")).toBe("heel 😀");
  });
});

describe("record ids and days", () => {
  it("refuses what no record id can be", () => {
    expect(recordId().safeParse("cm1abcdefghijklmnopqrstuv").success).toBe(true);
    for (const bad of ["", "a".repeat(41), "x\u0000", "1' OR '1'='1", "../etc/passwd", " cm1abc"]) {
      expect(recordId().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("takes real calendar days only", () => {
    expect(isoDay.parse("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2023-02-29", "2024-02-30", "2024-13-01", "0000-00-00", "9999-99-99", "1899-12-31", "2024-1-01"]) {
      expect(firstError(isoDay.safeParse(bad)), bad).toBe("invalidDate");
    }
  });
});
