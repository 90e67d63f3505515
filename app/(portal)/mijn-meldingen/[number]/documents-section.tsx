"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { DocumentList, useFileSize, type DocumentRow } from "@/components/case-documents";
import { FormMessage, SubmitButton } from "@/components/form-fields";
import { MAX_DOCUMENT_BYTES, sizeProblem, type DocumentProblem } from "@/lib/domain/documents";
import { addDocumentAction } from "./documents-actions";

/** The form field the server action reads, and the element id (unique on the page) of its control. */
const FIELD = "file";
const ID = "document-file";

/**
 * The family page's documents: the list with download links, and a form to
 * add a PDF or a photo. The size is checked here before sending, so a large
 * file does not travel for nothing; the server checks everything again.
 */
export function DocumentsSection({
  caseId,
  documents,
  canAdd,
  closed,
}: {
  caseId: string;
  documents: readonly DocumentRow[];
  canAdd: boolean;
  closed: boolean;
}) {
  const t = useTranslations("documents");
  const tForm = useTranslations("form");
  const tErrors = useTranslations("errors");
  const size = useFileSize();
  const [state, formAction] = useActionState(addDocumentAction, null);
  const [localProblem, setLocalProblem] = useState<DocumentProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const failed = state?.ok === false ? state : undefined;
  const fieldError = localProblem ?? failed?.fieldErrors[FIELD];
  const limit = size(MAX_DOCUMENT_BYTES);
  const describedBy = [`${ID}-hint`, fieldError ? `${ID}-error` : null].filter(Boolean).join(" ");

  // After a refusal, the field with its message is where the person continues.
  useEffect(() => {
    if (fieldError) input.current?.focus();
  }, [fieldError, state]);

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    const problem = file ? sizeProblem(file.size) : "fileRequired";
    setLocalProblem(problem);
    if (problem) event.preventDefault();
  }

  function errorText(key: string): string {
    if (t.has(`errors.${key}`)) return t(`errors.${key}`, { limit });
    return tErrors.has(key) ? tErrors(key) : tErrors("invalid");
  }

  return (
    <section aria-labelledby="documents-title" className="rounded border border-slate-300 bg-white p-5">
      <h2 id="documents-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2">{t("intro")}</p>
      <DocumentList documents={documents} />

      {closed && <p className="mt-4">{t("closed")}</p>}
      {canAdd && (
        // Folded until wanted, and open while it holds an answer, so that its message is seen.
        <details open={state !== null || localProblem !== null || undefined} className="mt-6">
          <summary className="cursor-pointer">
            <h3 className="inline text-xl font-bold">{t("addOpen")}</h3>
          </summary>
        <form action={formAction} onSubmit={checkBeforeSending} noValidate className="mt-3">
          {!localProblem && failed && !failed.fieldErrors[FIELD] && <FormMessage error={failed.error} />}
          <p role="status" className={state?.ok && !localProblem ? "mb-4 rounded border-l-8 border-teal-800 bg-teal-50 p-3 font-semibold" : undefined}>
            {state?.ok && !localProblem ? t("added", { name: state.data.fileName }) : null}
          </p>
          <input type="hidden" name="caseId" value={caseId} />
          <div className="mb-5">
            <label htmlFor={ID} className="block font-semibold">
              {t("fileLabel")} <span className="font-normal text-slate-700">({tForm("required")})</span>
            </label>
            <p id={`${ID}-hint`} className="text-sm text-slate-700">
              {t("fileHint", { limit })}
            </p>
            {fieldError && (
              <p id={`${ID}-error`} className="mt-1 text-sm font-semibold text-red-800">
                {errorText(fieldError)}
              </p>
            )}
            <input
              ref={input}
              id={ID}
              name={FIELD}
              type="file"
              accept=".pdf,image/*"
              required
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={describedBy}
              onChange={() => setLocalProblem(null)}
              className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base file:mr-4 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800"
            />
          </div>
          <SubmitButton>{t("submit")}</SubmitButton>
        </form>
        </details>
      )}
    </section>
  );
}
