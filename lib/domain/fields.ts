import { z } from "@/lib/domain/zod";

/**
 * The kinds of field every form shares: free text, the id of a record the
 * server wrote into the form, and a calendar day. Their rules say what a
 * person can mean; anything else is refused with a key of the `errors`
 * message section before a service or the database sees it.
 */

/**
 * Control characters other than tab and line breaks (C0, DEL and C1) cannot be
 * typed, only pasted from elsewhere (a terminal, a PDF); PostgreSQL refuses
 * NUL in text outright.
 */
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const hasControlCharacters = (value: string) => controlCharacters.test(value);

/**
 * Half of a surrogate pair (half an emoji, left by a cut or a broken copy) is
 * no character in UTF-8, the encoding PostgreSQL stores: it would come back as
 * something else. A browser's form never sends one; other callers can.
 * (A regular expression rather than String#isWellFormed, which older browsers lack.)
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasLoneSurrogates = (value: string) => loneSurrogate.test(value);

/** A value with no letter, digit, punctuation or symbol shows nothing: only spaces, zero-width or formatting characters. */
const visibleCharacter = /[\p{L}\p{N}\p{P}\p{S}]/u;
export const isBlank = (value: string) => !visibleCharacter.test(value);

/**
 * Free text a person types, trimmed. A value that shows nothing counts as
 * empty; control characters and broken characters are refused rather than
 * dropped, so that what is stored is exactly what the person sees.
 */
export const text = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .refine((v) => !isBlank(v), { error: "required" })
    .min(min, { error: "tooShort" })
    .max(max, { error: "tooLong" })
    .refine((v) => !hasControlCharacters(v), { error: "controlCharacters" })
    .refine((v) => !hasLoneSurrogates(v), { error: "brokenCharacters" });

/** An e-mail address that may be left empty: null when empty. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: "tooLong" })
  .refine((v) => v === "" || z.email().safeParse(v).success, { error: "invalidEmail" })
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** Free text that may be left empty: trimmed, and null when it shows nothing. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .refine((v) => !hasControlCharacters(v), { error: "controlCharacters" })
    .refine((v) => !hasLoneSurrogates(v), { error: "brokenCharacters" })
    .transform((v) => (isBlank(v) ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/**
 * The id of a record as the server wrote it into the form (a cuid). Anything
 * else is refused unread, so no hostile string ever reaches a query.
 */
export const recordId = (error = "invalid") => z.string({ error }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error });

/** A day of the calendar as "YYYY-MM-DD", from 1900 on: "2024-02-30" is no day, and would be stored as another. */
export const isoDay = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
  .refine(isCalendarDay, { error: "invalidDate" });

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day && day >= "1900-01-01";
}

/**
 * What a draft can keep of any text: PostgreSQL holds no NUL, and a lone
 * surrogate becomes the replacement character, as a browser's form would send it.
 */
export function storableText(value: string): string {
  const cleaned = value.replace(/\u0000/g, "");
  if (!hasLoneSurrogates(cleaned)) return cleaned;
  return Array.from(cleaned, (ch) => (ch.length === 1 && ch >= "\uD800" && ch <= "\uDFFF" ? "\uFFFD" : ch)).join("");
}
