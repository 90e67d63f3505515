import type { ReactNode } from "react";

/**
 * Fields of the ombudsman's GET filter forms (the search and the audit trail):
 * label, hint and error above the control, wired to it for screen readers.
 * Server-rendered: the forms work without JavaScript.
 */

const controlClass =
  "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800";

type FieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** The message for this field, already translated */
  error?: string;
  value: string;
};

function describedBy({ id, hint, error }: Pick<FieldProps, "id" | "hint" | "error">): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Shell({ id, label, hint, error, children }: Omit<FieldProps, "name" | "value"> & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function FilterInput({ type = "text", maxLength, ...props }: FieldProps & { type?: "text" | "search" | "date"; maxLength?: number }) {
  return (
    <Shell {...props}>
      <input
        id={props.id}
        name={props.name}
        type={type}
        defaultValue={props.value}
        maxLength={maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={controlClass}
      />
    </Shell>
  );
}

export function FilterSelect({ options, anyLabel, ...props }: FieldProps & { options: { value: string; label: string }[]; anyLabel: string }) {
  return (
    <Shell {...props}>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={controlClass}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {/* A value from the URL that is not in the list stays visible, next to its error. */}
        {props.value && !options.some((o) => o.value === props.value) && <option value={props.value}>{props.value}</option>}
      </select>
    </Shell>
  );
}

/** The errors of a filter form at its top, each a link to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors: { id: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="filter-errors-title" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 text-red-900">
      <h2 id="filter-errors-title" className="font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {errors.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} className="text-red-900">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const submitClass = "rounded bg-teal-800 px-5 py-2.5 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400";
