import { z } from "@/lib/domain/zod";
import { organisationKindKeys, type OrganisationKindKey } from "./causes";
import { optionalEmail, optionalText, recordId, text } from "./fields";
import { optionalPublicPhone } from "./inputs";

/**
 * The directories of the organisations a gemeente or a jeugdregio works with
 * (decisions 034 and 039): what staff may record about one, and how. Pure rules,
 * safe for the browser.
 */

/** Primary (PO) or secondary (VO) education: a samenwerkingsverband passend onderwijs is one of the two. */
export const schoolSectors = ["PO", "VO"] as const;
export type SchoolSector = (typeof schoolSectors)[number];

/** The kinds whose sector is recorded; for a samenwerkingsverband it is required. */
const sectorKinds: readonly OrganisationKindKey[] = ["SCHOOL", "SAMENWERKINGSVERBAND"];

/** Every kind but the gemeente itself: the directory is of the organisations the gemeente works with. */
export const directoryKinds = organisationKindKeys.filter((k) => k !== "GEMEENTE");

export const MAX_DIRECTORY_SIZE = 500;

/**
 * The kinds whose people may get a professional account from the gemeente or the region
 * (decision 040): leerplicht and the RMC, and the samenwerkingsverbanden passend onderwijs.
 */
export const professionalKinds: readonly OrganisationKindKey[] = ["LEERPLICHT_RMC", "SAMENWERKINGSVERBAND"];

export function invitesProfessionals(kind: string): boolean {
  return (professionalKinds as readonly string[]).includes(kind);
}

/** Whether a person of this directory entry may be invited (or invited again): it is active and of a professional kind. */
export function mayInviteFrom(entry: { kind: string; archivedAt: Date | null } | null): boolean {
  return entry !== null && entry.archivedAt === null && invitesProfessionals(entry.kind);
}

/** Who may hear of thuiszitters' cases for a gemeente (decision 038): an active leerplicht / RMC entry with an e-mail address. */
export function mayBeLeerplichtContact(entry: { kind: string; email: string | null; archivedAt: Date | null }): boolean {
  return entry.archivedAt === null && entry.kind === "LEERPLICHT_RMC" && Boolean(entry.email);
}

const organisationFields = {
  kind: z.enum(organisationKindKeys, { error: "required" }).refine((k) => k !== "GEMEENTE", { error: "required" }),
  sector: z
    .union([z.enum(schoolSectors), z.literal("")], { error: "required" })
    .optional()
    .transform((v) => (v ? v : null)),
  name: text(2, 200),
  contactName: optionalText(200),
  email: optionalEmail,
  phone: optionalPublicPhone,
  address: optionalText(300),
};

type Fields = { kind: OrganisationKindKey; sector: SchoolSector | null };

/** A samenwerkingsverband says whether it is PO or VO; a sector means nothing for other kinds and is dropped. */
function withSector<T extends Fields>(value: T, ctx: z.RefinementCtx): T {
  if (value.kind === "SAMENWERKINGSVERBAND" && value.sector === null) {
    ctx.addIssue({ code: "custom", path: ["sector"], message: "sectorRequired" });
  }
  return sectorKinds.includes(value.kind) ? value : { ...value, sector: null };
}

const optionalOwner = z.preprocess((v) => (v === "" || v === undefined ? null : v), recordId().nullable());

/** A new entry goes into one directory: a gemeente's or a region's. */
export const addOrganisationInput = z
  .object({ gemeenteId: optionalOwner, regionId: optionalOwner, ...organisationFields })
  .strict()
  .superRefine((v, ctx) => {
    // Neither: the gemeente is missing. Both: the region is one too many.
    if (v.gemeenteId === null && v.regionId === null) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "required" });
    if (v.gemeenteId !== null && v.regionId !== null) ctx.addIssue({ code: "custom", path: ["regionId"], message: "invalid" });
  })
  .transform(withSector);
export type AddOrganisationInput = z.infer<typeof addOrganisationInput>;

export const updateOrganisationInput = z
  .object({ organisationId: recordId(), ...organisationFields })
  .strict()
  .transform(withSector);
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInput>;

/** The part an organisation plays in a case. */
export const organisationParts = ["REFUSED", "DID_NOT_ACT", "MUST_ACT", "HELPS"] as const;
export type OrganisationPart = (typeof organisationParts)[number];

export const linkOrganisationInput = z
  .object({ caseId: recordId(), organisationId: recordId("required"), part: z.enum(organisationParts, { error: "required" }) })
  .strict();
export type LinkOrganisationInput = z.infer<typeof linkOrganisationInput>;

export const unlinkOrganisationInput = z.object({ caseId: recordId(), caseOrganisationId: recordId() }).strict();
export type UnlinkOrganisationInput = z.infer<typeof unlinkOrganisationInput>;

export const archiveOrganisationInput = z.object({ organisationId: recordId() }).strict();

/** The gemeente admin picks the directory entry that is told of thuiszitters' cases, or none (decision 038). */
export const setLeerplichtContactInput = z
  .object({ gemeenteId: recordId(), organisationId: z.preprocess((v) => (v === "" || v === undefined ? null : v), recordId().nullable()) })
  .strict();
export type SetLeerplichtContactInput = z.infer<typeof setLeerplichtContactInput>;
export type ArchiveOrganisationInput = z.infer<typeof archiveOrganisationInput>;

/** Whose directory an entry is in. */
export type DirectoryOwner = { kind: "gemeente"; id: string } | { kind: "region"; id: string };

export function ownerOf(entry: { gemeenteId: string | null; regionId: string | null }): DirectoryOwner {
  if (entry.gemeenteId !== null) return { kind: "gemeente", id: entry.gemeenteId };
  if (entry.regionId !== null) return { kind: "region", id: entry.regionId };
  throw new Error("A directory entry belongs to a gemeente or a region");
}

/** Two entries of one directory are the same organisation when their names match but for case and spacing. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").toLocaleLowerCase("nl").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}
