import { useTranslations } from "next-intl";

/**
 * A case's step in words. The family reads it addressed to them ("Wacht op
 * informatie van u"); staff, the ombudsman and the figures read it about the
 * family ("Wacht op het gezin").
 */
export function StatusBadge({ status, audience }: { status: string; audience: "family" | "staff" }) {
  const t = useTranslations(audience === "family" ? "familyStatus" : "status");
  const closed = status === "CLOSED";
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${closed ? "bg-slate-200 text-slate-900" : "bg-teal-100 text-teal-950"}`}
    >
      {t(status)}
    </span>
  );
}
