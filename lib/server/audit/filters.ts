import type { Changes } from "@/lib/domain/audit";
import { endOfAmsterdamDay, type IsoDay } from "@/lib/domain/deadlines";

/**
 * Shared pieces of the ombudsman's filtered views (the national search and a
 * case's audit trail): search params as single strings, calendar days typed
 * by a person, and short, stable URLs for a view.
 */

type RawValue = string | string[] | undefined;
export type RawSearchParams = Record<string, RawValue> | URLSearchParams;

/** The one value of a parameter; a repeated parameter (?a=1&a=2) keeps its first value. */
export function firstValue(params: RawSearchParams, key: string): string {
  const all = params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  return all[0] ?? "";
}

export const TEXT_FILTER_MAX_LENGTH = 100;

// Control characters never belong in a search; whitespace runs become one space.
const controlChars = /[\u0000-\u001f\u007f]/g;

/** Typed text as a filter: no control characters, single spaces, at most 100 characters. */
export function cleanText(value: string): string {
  return value.replace(controlChars, " ").replace(/\s+/g, " ").trim().slice(0, TEXT_FILTER_MAX_LENGTH).trim();
}

/** Prisma passes `contains` into LIKE as it is: a typed % or _ must match itself, not anything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A calendar day as a person types it: "2026-03-31" (what a date field sends)
 * or "31-3-2026" / "31/03/2026" (how people write it in the Netherlands).
 * Null when it is not a real day.
 */
export function parseDay(value: string): IsoDay | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!year || !month || !day) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function previousDay(day: IsoDay): IsoDay {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The first instant of a day in Amsterdam. */
export function startOfAmsterdamDay(day: IsoDay): Date {
  return new Date(endOfAmsterdamDay(previousDay(day)).getTime() + 1);
}

/** A period of whole days in Amsterdam, both ends included, as a where-clause on a time column. */
export function periodWhere(from: IsoDay | null, to: IsoDay | null): { gte?: Date; lte?: Date } | null {
  if (!from && !to) return null;
  return { ...(from ? { gte: startOfAmsterdamDay(from) } : {}), ...(to ? { lte: endOfAmsterdamDay(to) } : {}) };
}

/** Field errors for a period: a day that does not exist, or an end before the start. */
export function periodErrors(
  raw: { from: string; to: string },
  fields: { from: string; to: string },
): { from: IsoDay | null; to: IsoDay | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const from = raw.from.trim() ? parseDay(raw.from) : null;
  const to = raw.to.trim() ? parseDay(raw.to) : null;
  if (raw.from.trim() && !from) errors[fields.from] = "invalidDay";
  if (raw.to.trim() && !to) errors[fields.to] = "invalidDay";
  if (from && to && to < from) errors[fields.to] = "toBeforeFrom";
  return { from, to, errors };
}

/** Query string of a view: only the parameters that are set, in the order given. */
export function viewSearchParams(values: [string, string | number | null | undefined][]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of values) if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

/**
 * The short URL of the same view when `given` is not already in that form (a
 * submitted GET form sends empty fields too), or null when it is. The short
 * form maps to itself, so a redirect to it cannot loop.
 */
export function canonicalHref(given: RawSearchParams, canonical: URLSearchParams, basePath: string): string | null {
  const asGiven = new URLSearchParams();
  if (given instanceof URLSearchParams) given.forEach((v, k) => asGiven.append(k, v));
  else for (const [k, v] of Object.entries(given)) for (const one of [v ?? []].flat()) asGiven.append(k, one);
  const wanted = canonical.toString();
  if (asGiven.toString() === wanted) return null;
  return wanted ? `${basePath}?${wanted}` : basePath;
}

/**
 * The filters of a reading as the trail records them: each one that was set, as a change
 * from nothing; null when none was. Free text goes in as `query`, which writeAudit redacts.
 */
export function filterChanges(values: [field: string, value: string | number | null][]): Changes | null {
  const changes: Changes = {};
  for (const [field, value] of values) {
    if (value !== null && value !== "") changes[field] = { old: null, new: value };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}
