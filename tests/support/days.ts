import { amsterdamDay } from "../../lib/domain/days";

const DAY_MS = 86_400_000;

/**
 * The calendar day in the Netherlands, `n` days from now (YYYY-MM-DD). The
 * portal's rules count days there: a day written in UTC is yesterday's for an
 * hour or two after midnight, and a rule such as "not before the day of filing"
 * would then refuse a test's "today".
 */
export function dayFromNow(n = 0): string {
  return amsterdamDay(new Date(Date.now() + n * DAY_MS));
}
