import Form from "next/form";
import { getTranslations } from "next-intl/server";

/** A form that reloads the page for another year; works without JavaScript. */
export async function YearChoice({ action, years, year, part }: { action: string; years: number[]; year: number; part?: string }) {
  const t = await getTranslations("figures");
  if (years.length < 2) return null;
  return (
    <Form action={action} className="flex flex-wrap items-end gap-3">
      {part && <input type="hidden" name="deel" value={part} />}
      <div>
        <label htmlFor="jaar" className="block font-semibold">
          {t("year")}
        </label>
        <select
          id="jaar"
          name="jaar"
          defaultValue={String(year)}
          className="mt-1 block rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400"
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded bg-teal-800 px-5 py-2 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400"
      >
        {t("show")}
      </button>
    </Form>
  );
}

/** The year asked for in the URL (?jaar=2026), or null. */
export function yearParam(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= 2000 && year <= 2100 ? year : null;
}
