import { useTranslations } from "next-intl";

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  const closed = status === "CLOSED";
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${closed ? "bg-slate-200 text-slate-900" : "bg-teal-100 text-teal-950"}`}
    >
      {t(status)}
    </span>
  );
}
