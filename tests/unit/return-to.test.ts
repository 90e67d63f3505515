import { describe, expect, it } from "vitest";
import { safeReturnTo } from "@/lib/auth/return-to";

describe("the page to return to after sign-in", () => {
  it.each(["/werkbak", "/mijn-meldingen/DB-2026-000001", "/zaken/DB-2026-000001?tab=tijdlijn#stap-2"])("follows a path of this site: %s", (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "werkbak",
    "",
    null,
    42,
  ])("refuses what a browser could read as another host: %j", (value) => {
    expect(safeReturnTo(value)).toBe("/start");
  });
});
