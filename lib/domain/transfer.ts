/**
 * When a case may move to another gemeente. A transfer keeps the case open and
 * its clock running, so the rules guard against "van het kastje naar de muur":
 * never back to a gemeente the case was in before, and a case that moved once
 * moves again only when the regional expert team agreed.
 */

export type TransferHistoryItem = { fromGemeenteId: string; toGemeenteId: string };

export type TransferRequest = {
  currentGemeenteId: string;
  targetGemeenteId: string;
  /** Every earlier transfer of this case, in any order */
  history: readonly TransferHistoryItem[];
  /** The case's own counter; counts too when history rows are missing */
  transferCount: number;
  reason: string | null;
  /** Who in the expert team agreed, and when, as written down by the aanspreekpunt */
  expertAgreement: string | null;
};

/** Why a transfer is refused: the field of the transfer form it is about and a key of the `errors` catalog section. */
export type TransferRefusal =
  | { field: "toGemeenteCode"; error: "sameGemeente" | "transferBack" }
  | { field: "transferReason"; error: "required" }
  | { field: "expertAgreement"; error: "expertAgreementRequired" };

export type TransferVerdict = { ok: true } | ({ ok: false } & TransferRefusal);

function filled(value: string | null): boolean {
  return value !== null && value.trim() !== "";
}

/** The gemeenten a case has been in before the current one. */
export function earlierGemeenten(currentGemeenteId: string, history: readonly TransferHistoryItem[]): Set<string> {
  const seen = new Set(history.flatMap((t) => [t.fromGemeenteId, t.toGemeenteId]));
  seen.delete(currentGemeenteId);
  return seen;
}

export function wasTransferredBefore(request: Pick<TransferRequest, "history" | "transferCount">): boolean {
  return request.transferCount > 0 || request.history.length > 0;
}

export function checkTransfer(request: TransferRequest): TransferVerdict {
  if (request.targetGemeenteId === request.currentGemeenteId) {
    return { ok: false, field: "toGemeenteCode", error: "sameGemeente" };
  }
  if (earlierGemeenten(request.currentGemeenteId, request.history).has(request.targetGemeenteId)) {
    return { ok: false, field: "toGemeenteCode", error: "transferBack" };
  }
  if (!filled(request.reason)) return { ok: false, field: "transferReason", error: "required" };
  if (wasTransferredBefore(request) && !filled(request.expertAgreement)) {
    return { ok: false, field: "expertAgreement", error: "expertAgreementRequired" };
  }
  return { ok: true };
}
