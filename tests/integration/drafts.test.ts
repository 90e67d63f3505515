import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { fileCase } from "@/lib/server/cases/file-case";
import { loadDraft, saveDraft } from "@/lib/server/drafts/case-draft";
import { ForbiddenError } from "@/lib/server/errors";
import { caseInput, makeActor } from "../support/factories";

describe("filing drafts", () => {
  it("keeps what a person typed for them alone, until the case is filed", async () => {
    const parent = await makeActor("FAMILY");
    const other = await makeActor("FAMILY");
    const input = caseInput();
    await saveDraft(parent, { submissionId: input.submissionId, childName: "Half ingevuld", domains: ["WMO"] });
    await saveDraft(parent, { submissionId: input.submissionId, childName: "Iets meer ingevuld", domains: ["WMO", "WLZ"] });

    expect((await loadDraft(parent))?.values).toMatchObject({ childName: "Iets meer ingevuld", domains: ["WMO", "WLZ"] });
    expect(await loadDraft(other)).toBeNull();

    await fileCase(parent, input);
    expect(await loadDraft(parent)).toBeNull();

    // A save that was still on its way when the form was filed does not bring the draft back.
    await saveDraft(parent, { submissionId: input.submissionId, childName: "Te laat" });
    expect(await loadDraft(parent)).toBeNull();
  });

  it("is not kept for staff, who do not file", async () => {
    const ombudsman = await makeActor("OMBUDSMAN");
    await expect(saveDraft(ombudsman, { childName: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.caseDraft.count({ where: { userId: ombudsman.userId } })).toBe(0);
  });
});
