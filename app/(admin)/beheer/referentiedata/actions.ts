"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { MAX_REFERENCE_FILE_BYTES } from "@/lib/domain/reference-update";
import { text } from "@/lib/domain/fields";
import { z } from "@/lib/domain/zod";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { DomainError } from "@/lib/server/errors";
import { applyReferenceUpdate, type ApplyOutcome } from "@/lib/server/reference/apply-reference-update";
import { previewReferenceUpdate, type PreviewOutcome } from "@/lib/server/reference/preview-reference-update";
import { sha256Of } from "@/lib/server/reference/reference-data";

const path = "/beheer/referentiedata";

/** What the form keeps of a previewed file, so that exactly that file is applied. */
export type PreviewedFile = { content: string; sha256: string; fileName: string; validFrom: string };
export type PreviewState = PreviewOutcome & { file: PreviewedFile | null };

const validFrom = z.string().trim().max(10);
/** Shown in the history as the admin's device named it: no control characters, which PostgreSQL cannot store. */
const fileName = text(1, 255);

const previewInput = z.object({ validFrom, fileName, size: z.number().int().min(0) }).strict();

/** Step 1: the uploaded file is checked on the server and compared with the data; nothing is changed. */
export async function previewReferenceAction(_prev: ActionState<PreviewState>, formData: FormData): Promise<ActionState<PreviewState>> {
  const actor = await requireActor(path);
  const values = formValues(formData);
  const upload = formData.get("file");
  if (!(upload instanceof File) || upload.size === 0 || !upload.name) {
    return { ok: false, error: "checkFields", fieldErrors: { file: "fileMissing" }, values };
  }
  // Checked before the content is read: a larger file is not one of these lists.
  if (upload.size > MAX_REFERENCE_FILE_BYTES) return { ok: false, error: "checkFields", fieldErrors: { file: "fileTooLarge" }, values };
  const input = { validFrom: formData.get("validFrom") ?? "", fileName: upload.name, size: upload.size };
  return runAction(previewInput, input, values, async (parsed) => {
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const outcome = await previewReferenceUpdate(actor, { fileName: parsed.fileName, bytes, validFrom: parsed.validFrom });
    const file =
      outcome.status === "ready"
        ? { content: Buffer.from(bytes).toString("base64"), sha256: outcome.preview.sha256, fileName: parsed.fileName, validFrom: parsed.validFrom }
        : null;
    return { ...outcome, file };
  });
}

const applyInput = z
  .object({
    content: z.string().max(Math.ceil(MAX_REFERENCE_FILE_BYTES / 3) * 4 + 4),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    fileName,
    validFrom,
  })
  .strict();

/**
 * Step 2: the file that was previewed, sent back from the form, is applied. Its checksum
 * must still be the one shown, and the service checks the list again against the data
 * as it is at that moment.
 */
export async function applyReferenceAction(_prev: ActionState<ApplyOutcome>, formData: FormData): Promise<ActionState<ApplyOutcome>> {
  const actor = await requireActor(path);
  const values = formValues(formData);
  const input = {
    content: formData.get("content"),
    sha256: formData.get("sha256"),
    fileName: formData.get("fileName"),
    validFrom: formData.get("validFrom"),
  };
  const result = await runAction(applyInput, input, values, async (parsed) => {
    const bytes = new Uint8Array(Buffer.from(parsed.content, "base64"));
    if (sha256Of(bytes) !== parsed.sha256) throw new DomainError("changedSincePreview");
    return applyReferenceUpdate(actor, { fileName: parsed.fileName, bytes, validFrom: parsed.validFrom });
  });
  if (result?.ok) revalidatePath(path);
  return result;
}
