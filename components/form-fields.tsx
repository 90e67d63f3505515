"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import { useId, useState, type ReactNode } from "react";

/** Field errors and typed values as the server action returns them. */
export type FormFeedback = {
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export function valueOf(feedback: FormFeedback | undefined, name: string): string {
  const v = feedback?.values?.[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function valuesOf(feedback: FormFeedback | undefined, name: string): string[] {
  const v = feedback?.values?.[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/**
 * A field's error from the last attempt, until the person changes the field:
 * then it is no longer red, and the next attempt decides again.
 */
function useFieldError(feedback: FormFeedback | undefined, name: string): [string | undefined, () => void] {
  const error = feedback?.fieldErrors?.[name];
  const [editedAfter, setEditedAfter] = useState<FormFeedback | undefined>(undefined);
  const shown = error && editedAfter !== feedback ? error : undefined;
  return [shown, () => (shown ? setEditedAfter(feedback) : undefined)];
}

function ErrorText({ id, errorKey }: { id: string; errorKey?: string }) {
  const t = useTranslations("errors");
  if (!errorKey) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-800">
      {t.has(errorKey) ? t(errorKey) : t("invalid")}
    </p>
  );
}

type BaseProps = {
  name: string;
  /** The control's id where the same field occurs in more than one form of a page; its name otherwise */
  id?: string;
  label: string;
  hint?: string;
  required?: boolean;
  feedback?: FormFeedback;
  /** Shown when the form has not been sent yet */
  initial?: string;
  /** Staff write it and the family will read it: the field says so, and screen readers hear it with the field */
  shownToFamily?: boolean;
};

function describedBy(name: string, hint?: string, error?: string, shownToFamily?: boolean) {
  return [shownToFamily ? `${name}-family` : null, hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The mark on a staff field (or group of fields) whose text the family will read. */
export function FamilyReads({ id }: { id: string }) {
  const t = useTranslations("form");
  return (
    <p id={id} className="mt-1 mb-1 inline-block rounded border-l-4 border-amber-700 bg-amber-50 px-2 py-0.5 text-sm font-semibold text-amber-950">
      {t("shownToFamily")}
    </p>
  );
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const t = useTranslations("form");
  return (
    <label htmlFor={htmlFor} className="block font-semibold">
      {label} <span className="font-normal text-slate-700">({required ? t("required") : t("optional")})</span>
    </label>
  );
}

/** Label, hint and error above a control, wired to it for screen readers. */
function FieldShell({ name, id = name, label, hint, required, error, shownToFamily, children }: BaseProps & { error?: string; children: ReactNode }) {
  return (
    <div className="mb-5">
      <Label htmlFor={id} label={label} required={required} />
      {shownToFamily && <FamilyReads id={`${id}-family`} />}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`} errorKey={error} />
      {children}
    </div>
  );
}

const inputClass =
  "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800";

export function TextField({
  type = "text",
  autoComplete,
  ...props
}: BaseProps & { type?: "text" | "email" | "password" | "date" | "tel"; autoComplete?: string }) {
  const [error, edited] = useFieldError(props.feedback, props.name);
  const value = props.feedback?.values ? valueOf(props.feedback, props.name) : props.initial;
  return (
    <FieldShell {...props} error={error}>
      <input
        onChange={edited}
        id={props.id ?? props.name}
        name={props.name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={type === "password" ? undefined : value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id ?? props.name, props.hint, error, props.shownToFamily)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function TextArea(props: BaseProps & { rows?: number }) {
  const [error, edited] = useFieldError(props.feedback, props.name);
  const value = props.feedback?.values ? valueOf(props.feedback, props.name) : props.initial;
  return (
    <FieldShell {...props} error={error}>
      <textarea
        onChange={edited}
        id={props.id ?? props.name}
        name={props.name}
        rows={props.rows ?? 4}
        defaultValue={value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id ?? props.name, props.hint, error, props.shownToFamily)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function SelectField(props: BaseProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const [error, edited] = useFieldError(props.feedback, props.name);
  const value = props.feedback?.values ? valueOf(props.feedback, props.name) : (props.initial ?? "");
  return (
    <FieldShell {...props} error={error}>
      {/* Keyed by its value: React does not re-apply a changed defaultValue to a select when it resets the form. */}
      <select
        onChange={edited}
        key={value}
        id={props.id ?? props.name}
        name={props.name}
        defaultValue={value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.id ?? props.name, props.hint, error, props.shownToFamily)}
        className={inputClass}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Radio buttons (single choice) or checkboxes (several) in a fieldset with a legend. */
export function ChoiceField(
  props: BaseProps & {
    multiple?: boolean;
    options: { value: string; label: string; hint?: string }[];
    /** The boxes ticked when the form has not been sent yet (several, for checkboxes) */
    initialValues?: readonly string[];
    /** Long lists of short options: two columns on wide screens */
    columns?: 1 | 2;
  },
) {
  const [error, edited] = useFieldError(props.feedback, props.name);
  const chosen = props.feedback?.values
    ? valuesOf(props.feedback, props.name)
    : (props.initialValues ?? (props.initial ? [props.initial] : []));
  const t = useTranslations("form");
  // Two forms on one page may ask the same question (the causes when referring and when closing):
  // each box and each hint needs an id of its own, or a label names the wrong box.
  const form = useId();
  const base = `${props.name}-${form}`;
  return (
    <fieldset
      className="mb-5"
      onChange={edited}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(base, props.hint, error)}
    >
      <legend className="font-semibold">
        {props.label}{" "}
        <span className="font-normal text-slate-700">({props.required ? t("required") : t("optional")})</span>
      </legend>
      {props.hint && (
        <p id={`${base}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      )}
      <ErrorText id={`${base}-error`} errorKey={error} />
      <div className={props.columns === 2 ? "mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2" : "mt-2 space-y-2"}>
        {props.options.map((o) => {
          const id = `${base}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-3">
              <input
                key={String(chosen.includes(o.value))}
                id={id}
                type={props.multiple ? "checkbox" : "radio"}
                name={props.name}
                value={o.value}
                defaultChecked={chosen.includes(o.value)}
                className="mt-1 h-5 w-5 accent-teal-800"
              />
              <label htmlFor={id}>
                {o.label}
                {o.hint && <span className="block text-sm text-slate-700">{o.hint}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField(props: BaseProps & { children?: ReactNode }) {
  const [error, edited] = useFieldError(props.feedback, props.name);
  const checked = props.feedback?.values ? valueOf(props.feedback, props.name) === "on" : props.initial === "on";
  return (
    <div className="mb-5">
      <ErrorText id={`${props.name}-error`} errorKey={error} />
      <div className="flex items-start gap-3">
        <input
          key={String(checked)}
          id={props.name}
          name={props.name}
          type="checkbox"
          onChange={edited}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${props.name}-error` : undefined}
          className="mt-1 h-5 w-5 accent-teal-800"
        />
        <label htmlFor={props.name}>{props.label}</label>
      </div>
      {props.children}
    </div>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus();
  const t = useTranslations("form");
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400 disabled:opacity-70"
    >
      {pending ? t("saving") : children}
    </button>
  );
}

/** The message above a form after a failed attempt. Announced to screen readers. */
export function FormMessage({ error }: { error?: string | null }) {
  const t = useTranslations("errors");
  if (!error) return null;
  return (
    <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
      {t.has(error) ? t(error) : t("unexpected")}
    </div>
  );
}
