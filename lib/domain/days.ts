/**
 * The portal counts days as the people it serves live them: in the Netherlands, not in
 * UTC. Pure, with no library, so that any module (and the browser) may use it.
 */
export const TIME_ZONE = "Europe/Amsterdam";

/** A calendar day, YYYY-MM-DD. */
export type IsoDay = string;

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in the Netherlands at an instant. */
export function amsterdamDay(instant: Date): IsoDay {
  return dayFormat.format(instant);
}
