/**
 * How long a closed case keeps its content (decision 014). After that the
 * retention job removes everything about the child and the family and keeps
 * a tombstone; the audit trail stays.
 */

/**
 * The period when a gemeente set none of its own. Two years after closing: long
 * enough for a complaint to the ombudsman about how the case went (an ombudsman
 * may decline complaints made more than a year after the events) and for a new
 * escalation about the same child to build on the last one; short enough that a
 * child's story is not kept longer than its purpose needs (AVG art. 5(1)(e)).
 */
export const RETENTION_DEFAULT_MONTHS = 24;

/** A gemeente may choose a whole number of months in this range. */
export const RETENTION_MIN_MONTHS = 12;
export const RETENTION_MAX_MONTHS = 240;

/** The period that applies to a gemeente: its own, or the default when it set none. */
export function retentionMonthsOf(own: number | null | undefined): number {
  return own ?? RETENTION_DEFAULT_MONTHS;
}

/**
 * `date` moved by whole calendar months (UTC). A day that does not exist in the
 * target month becomes that month's last day: 31 March minus one month is
 * 28 (or 29) February, never 3 March.
 */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/**
 * The latest closing moment whose case is due at `now` for a period of
 * `months`: a case closed at or before it is due. The job's query and its
 * check inside each case's transaction both use this one rule.
 */
export function closedOnOrBefore(now: Date, months: number): Date {
  return addMonths(now, -months);
}

/** Whether a case closed at `closedAt` is due for removal at `now`. */
export function isPurgeDue(closedAt: Date | null, months: number, now: Date): boolean {
  return closedAt !== null && closedAt.getTime() <= closedOnOrBefore(now, months).getTime();
}
