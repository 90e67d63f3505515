import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { checkReferenceFile, type ReferenceDiff, type ReferenceIssue } from "@/lib/domain/reference-update";
import { asSystem } from "@/lib/db/acting";
import { assertMayUpdateReference, checkValidFrom, countMergerMoves, loadCurrentReference, sha256Of, type MergerCounts, type ReferenceFile } from "./reference-data";

export type ReferencePreview = {
  fileName: string;
  sha256: string;
  validFrom: string;
  diff: ReferenceDiff;
  /** Open cases and staff that each merger moves */
  moves: MergerCounts;
};

export type PreviewOutcome = { status: "refused"; issues: ReferenceIssue[] } | { status: "ready"; preview: ReferencePreview };

/**
 * The dry run of a CBS list: what applying it would change, and how many open cases
 * and staff each merger would move. Reads only; a refused list says why, per line.
 * Counting the open cases of every gemeente needs the system's reach (decision 016);
 * nothing of a case but its count leaves this function.
 */
export async function previewReferenceUpdate(actor: Actor, file: ReferenceFile): Promise<PreviewOutcome> {
  assertMayUpdateReference(actor);
  return previewReferenceUpdateUnsafe(file);
}

/** For the operator's script (`npm run reference:update`), which has no signed-in person. */
export async function previewReferenceUpdateUnsafe(file: ReferenceFile): Promise<PreviewOutcome> {
  checkValidFrom(file.validFrom);
  return asSystem(async (tx) => {
    const checked = checkReferenceFile(file.bytes, await loadCurrentReference(tx));
    if (!checked.ok) return { status: "refused", issues: checked.issues };
    return {
      status: "ready",
      preview: {
        fileName: file.fileName,
        sha256: sha256Of(file.bytes),
        validFrom: file.validFrom,
        diff: checked.diff,
        moves: await countMergerMoves(tx, checked.diff.merged),
      },
    };
  });
}
