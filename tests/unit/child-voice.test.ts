import { describe, expect, it } from "vitest";
import { asksToBeHeard, heardAnswerFor } from "@/lib/domain/child-voice";

describe("the child's own voice", () => {
  it("asks a child of 12 or older whether they want to be heard, counted on the day of filing", () => {
    expect(asksToBeHeard("2014-12-04", "2026-12-04")).toBe(true);
    expect(asksToBeHeard("2014-12-05", "2026-12-04")).toBe(false);
    expect(asksToBeHeard("2020-01-01", "2026-12-04")).toBe(false);
    expect(asksToBeHeard("", "2026-12-04")).toBe(false);
  });

  it("keeps the answer only for a child who was asked", () => {
    expect(heardAnswerFor("2010-05-01", "YES", "2026-12-04")).toBe("YES");
    expect(heardAnswerFor("2010-05-01", undefined, "2026-12-04")).toBeNull();
    expect(heardAnswerFor("2019-05-01", "NO", "2026-12-04")).toBeNull();
  });
});
