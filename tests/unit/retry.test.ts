import { describe, expect, it } from "vitest";
import { maxDeliveryAttempts, nextAttemptAfterFailure } from "@/lib/domain/retry";

const failedAt = new Date("2026-03-02T09:00:00.000Z");
const minutesAfter = (n: number) => new Date(failedAt.getTime() + n * 60_000);

describe("retry schedule for notifications", () => {
  it.each([
    [1, minutesAfter(1)],
    [2, minutesAfter(5)],
    [3, minutesAfter(30)],
    [4, minutesAfter(120)],
    [5, minutesAfter(12 * 60)],
  ])("after failed attempt %i tries again at the scheduled time", (attempts, expected) => {
    expect(nextAttemptAfterFailure(attempts, failedAt)).toEqual(expected);
  });

  it("gives up after the last attempt", () => {
    expect(maxDeliveryAttempts).toBe(6);
    expect(nextAttemptAfterFailure(maxDeliveryAttempts, failedAt)).toBeNull();
    expect(nextAttemptAfterFailure(maxDeliveryAttempts + 3, failedAt)).toBeNull();
  });

  it("waits longer after every failure", () => {
    const waits = Array.from({ length: maxDeliveryAttempts - 1 }, (_, i) => nextAttemptAfterFailure(i + 1, failedAt)!.getTime() - failedAt.getTime());
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(waits.length);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a count of %s attempts", (attempts) => {
    expect(() => nextAttemptAfterFailure(attempts, failedAt)).toThrow(RangeError);
  });
});
