import "server-only";
import { randomUUID } from "node:crypto";
import { after } from "next/server";
import type { z } from "@/lib/domain/zod";
import { DomainError } from "./errors";
import { deliverOutbox } from "./notifications/deliver-outbox";

/** What a form action returns to its form. */
export type ActionState<T = unknown> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** Key of the `errors` message section */
      error: string;
      /** Field name → key of the `errors` message section */
      fieldErrors: Record<string, string>;
      /** What the person typed, so the form can show it again */
      values: Record<string, string | string[]>;
    }
  | null;

/**
 * What is sent back to the form is cut at this length: every field allows far
 * less, so nothing that could be saved is lost, and a body of megabytes is not
 * echoed back in full.
 */
export const MAX_ECHOED_VALUE = 20_000;

export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => (v.length > MAX_ECHOED_VALUE ? v.slice(0, MAX_ECHOED_VALUE) : v));
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    const key = issue.code === "unrecognized_keys" ? "unknownField" : issue.message;
    out[field] ??= /^[a-zA-Z]+$/.test(key) ? key : "invalid";
  }
  return out;
}

/**
 * The body of every server action: validate, call one service, and turn
 * expected failures into messages. Unexpected failures are logged with a
 * reference and shown generically, never with their details.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  values: Record<string, string | string[]>,
  service: (parsed: z.output<S>) => Promise<T>,
): Promise<ActionState<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: "checkFields", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    const data = await service(parsed.data);
    // Mail enqueued by the change goes out after the response, never inside its transaction.
    after(() => deliverOutbox().catch((error: unknown) => console.error("[outbox]", error)));
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, error: error.code, fieldErrors: error.fieldErrors, values };
    }
    if (isNextControlFlow(error)) throw error;
    const reference = randomUUID();
    console.error(`[action ${reference}]`, error);
    return { ok: false, error: "unexpected", fieldErrors: {}, values };
  }
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
