import "server-only";
import { amsterdamDay } from "@/lib/domain/deadlines";
import { DomainError } from "@/lib/server/errors";

/** A `@db.Date` column holds midnight UTC of its day. */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dayOf(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/**
 * The help cannot have started before the case was filed: the day is checked
 * against the filing day in Amsterdam, which only the service knows. The
 * message goes next to the field, like the form's own checks.
 */
export function checkHelpStart(day: string | null, filedAt: Date): void {
  if (day !== null && day < amsterdamDay(filedAt)) {
    throw new DomainError("checkFields", { helpStartedOn: "beforeFiling" });
  }
}
