import { describe, expect, it } from "vitest";
import { checkTransfer, earlierGemeenten, type TransferRequest } from "@/lib/domain/transfer";

const A = "gemeente-a";
const B = "gemeente-b";
const C = "gemeente-c";
const D = "gemeente-d";

function request(overrides: Partial<TransferRequest> = {}): TransferRequest {
  return {
    currentGemeenteId: A,
    targetGemeenteId: B,
    history: [],
    transferCount: 0,
    reason: "Het kind woonde voor de opname in gemeente B.",
    expertAgreement: null,
    ...overrides,
  };
}

describe("transfer rules", () => {
  it("allows a first transfer with a reason", () => {
    expect(checkTransfer(request())).toEqual({ ok: true });
  });

  it("refuses a transfer to the gemeente the case is already in", () => {
    expect(checkTransfer(request({ targetGemeenteId: A }))).toEqual({ ok: false, field: "toGemeenteCode", error: "sameGemeente" });
  });

  it("refuses a first transfer without a reason", () => {
    expect(checkTransfer(request({ reason: null }))).toEqual({ ok: false, field: "transferReason", error: "required" });
    expect(checkTransfer(request({ reason: "   " }))).toEqual({ ok: false, field: "transferReason", error: "required" });
  });

  it("refuses A → B → A, also with the expert team's agreement", () => {
    const verdict = checkTransfer(
      request({
        currentGemeenteId: B,
        targetGemeenteId: A,
        history: [{ fromGemeenteId: A, toGemeenteId: B }],
        transferCount: 1,
        expertAgreement: "A. Yilmaz, expertteam, 3 maart",
      }),
    );
    expect(verdict).toEqual({ ok: false, field: "toGemeenteCode", error: "transferBack" });
  });

  it("refuses A → B → C → A and A → B → C → B", () => {
    const history = [
      { fromGemeenteId: A, toGemeenteId: B },
      { fromGemeenteId: B, toGemeenteId: C },
    ];
    const base = { currentGemeenteId: C, history, transferCount: 2, expertAgreement: "Expertteam, 3 maart" };
    expect(checkTransfer(request({ ...base, targetGemeenteId: A }))).toMatchObject({ ok: false, error: "transferBack" });
    expect(checkTransfer(request({ ...base, targetGemeenteId: B }))).toMatchObject({ ok: false, error: "transferBack" });
  });

  it("refuses a second transfer without the expert team's agreement", () => {
    const second = request({ currentGemeenteId: B, targetGemeenteId: C, history: [{ fromGemeenteId: A, toGemeenteId: B }], transferCount: 1 });
    expect(checkTransfer(second)).toEqual({ ok: false, field: "expertAgreement", error: "expertAgreementRequired" });
    expect(checkTransfer({ ...second, expertAgreement: "  " })).toMatchObject({ ok: false, error: "expertAgreementRequired" });
  });

  it("allows a second transfer to a new gemeente with the expert team's agreement", () => {
    const second = request({
      currentGemeenteId: B,
      targetGemeenteId: C,
      history: [{ fromGemeenteId: A, toGemeenteId: B }],
      transferCount: 1,
      expertAgreement: "Ayşe Yılmaz, expertteam Haaglanden, per e-mail op 3 maart",
    });
    expect(checkTransfer(second)).toEqual({ ok: true });
  });

  it("counts a case as transferred before by its counter too, when no history is at hand", () => {
    expect(checkTransfer(request({ transferCount: 1 }))).toMatchObject({ ok: false, error: "expertAgreementRequired" });
  });

  it("lists every gemeente the case was in, except the current one", () => {
    const history = [
      { fromGemeenteId: A, toGemeenteId: B },
      { fromGemeenteId: B, toGemeenteId: C },
    ];
    expect([...earlierGemeenten(C, history)].sort()).toEqual([A, B]);
    expect(earlierGemeenten(D, [])).toEqual(new Set());
  });
});
