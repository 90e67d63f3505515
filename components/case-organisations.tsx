import { getLocale, getTranslations } from "next-intl/server";
import { labelOf, organisationKinds } from "@/lib/domain/causes";

export type NamedOrganisation = {
  id: string;
  kind: string;
  name: string;
  part: string;
  /** From the gemeente's directory; staff only */
  organisation?: { contactName: string | null; email: string | null; phone: string | null } | null;
};

/**
 * The organisations named in a case, with their part (decision 035). Staff see
 * the contact details from the directory; the family sees who and why.
 */
export async function CaseOrganisations({ organisations, audience }: { organisations: NamedOrganisation[]; audience: "staff" | "family" }) {
  const t = await getTranslations("organisations");
  const locale = await getLocale();
  const title = audience === "staff" ? t("inCase.staffTitle") : t("inCase.familyTitle");
  return (
    <section aria-labelledby="case-organisations">
      <h2 id="case-organisations" className="text-2xl font-bold">{title}</h2>
      {organisations.length === 0 ? (
        <p className="mt-2">{audience === "staff" ? t("inCase.noneStaff") : t("inCase.noneFamily")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {organisations.map((o) => (
            <li key={o.id} className="rounded border border-slate-300 bg-white p-3">
              <p>
                <strong>{o.name}</strong> ({labelOf(organisationKinds, o.kind, locale)})
              </p>
              <p>{t(`part.${o.part as "REFUSED"}`)}</p>
              {audience === "staff" && o.organisation && (
                <p className="break-all text-slate-700">
                  {[o.organisation.contactName, o.organisation.email, o.organisation.phone].filter(Boolean).join(" · ") || t("inCase.noContact")}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
