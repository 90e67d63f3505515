/**
 * When a notification that could not be sent is tried again. A mail server
 * that is down for a minute or for an afternoon should not cost a family or an
 * aanspreekpunt their notification, so the waits grow; after the last one the
 * message is given up and shows as FAILED for someone to look at.
 */

const minute = 60_000;
const hour = 60 * minute;

/** The wait after the 1st, 2nd, … failed attempt. */
export const retryDelaysMs = [1 * minute, 5 * minute, 30 * minute, 2 * hour, 12 * hour] as const;

/** The first attempt plus one retry per wait. */
export const maxDeliveryAttempts = retryDelaysMs.length + 1;

/**
 * When to try again after `attempts` attempts of which the last failed at
 * `failedAt`, or null when that was the last attempt.
 */
export function nextAttemptAfterFailure(attempts: number, failedAt: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  const delay = retryDelaysMs[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
