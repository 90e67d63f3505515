import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The parts of a figures page, each on its own URL (`?deel=`): a page shows one
 * at a time, so that a person reads it at a glance and the server renders a
 * few charts per request instead of every chart of the year.
 */
export const figureParts = ["meldingen", "naastelkaar", "doorlooptijden", "thuiszitters", "oorzaken"] as const;
export type FigurePart = (typeof figureParts)[number];

/**
 * The parts of a scope's figures: "side by side" (the region's gemeenten, the country's
 * regions) only where the figures have them, not for a gemeente nor on a region's open page.
 */
export function partsOf(sideBySide: boolean): readonly FigurePart[] {
  return sideBySide ? figureParts : figureParts.filter((p) => p !== "naastelkaar");
}
/** The monitoring pages of a gemeente and a region have the region's structural signals as a part too. */
export type PagePart = FigurePart | "signalen";

/** The part asked for in the URL; the first when none or an unknown one is asked for. */
export function partParam<P extends string>(value: string | string[] | undefined, parts: readonly P[]): P {
  const raw = Array.isArray(value) ? value[0] : value;
  return parts.find((p) => p === raw) ?? parts[0]!;
}

/** The links to the page's parts, the shown one marked as the current page. */
export async function PartNav({
  path,
  parts,
  part,
  year,
  unit,
}: {
  path: string;
  parts: readonly PagePart[];
  part: PagePart;
  year: number;
  /** What is side by side: a region's gemeenten or the country's regions */
  unit: "gemeente" | "regio";
}) {
  const t = await getTranslations("figures.parts");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {parts.map((p) => {
          const current = p === part;
          return (
            <li key={p}>
              <Link
                href={`${path}?${new URLSearchParams({ deel: p, jaar: String(year) })}`}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded border-2 px-4 py-2 font-semibold ${current ? "border-teal-800 bg-teal-800 text-white" : "border-slate-400 bg-white text-teal-900"}`}
              >
                {p === "naastelkaar" ? t(`naastelkaar.${unit}`) : t(p)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
