"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Table } from "@/components/table";
import type { ReferenceIssue } from "@/lib/domain/reference-update";
import type { ActionState } from "@/lib/server/action";
import type { ApplyOutcome } from "@/lib/server/reference/apply-reference-update";
import type { ReferencePreview } from "@/lib/server/reference/preview-reference-update";
import type { PreviewState } from "./actions";

type Props = {
  defaultValidFrom: string;
  preview: (s: ActionState<PreviewState>, f: FormData) => Promise<ActionState<PreviewState>>;
  apply: (s: ActionState<ApplyOutcome>, f: FormData) => Promise<ActionState<ApplyOutcome>>;
};

const inputClass =
  "block rounded border-2 border-slate-600 bg-white px-3 py-2 text-base focus:outline-none focus:ring-4 focus:ring-amber-400 aria-[invalid=true]:border-red-800";
const cell = "p-2 align-top";

/** An error key of this page, or else of the shared `errors` section. */
function useErrorText() {
  const t = useTranslations("reference");
  const tErrors = useTranslations("errors");
  return (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : tErrors.has(key) ? tErrors(key) : tErrors("unexpected"));
}

function Submit({ label, busy }: { label: string; busy: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-teal-800 px-5 py-3 font-semibold text-white hover:bg-teal-900 focus:outline-none focus:ring-4 focus:ring-amber-400 disabled:opacity-70"
    >
      {pending ? busy : label}
    </button>
  );
}

/**
 * Upload, preview and apply of the yearly CBS list. The file is read on the server; the
 * preview keeps the file (and its checksum) in the apply form, so that exactly what was
 * shown is applied. A new upload starts over.
 */
export function ReferenceForm({ defaultValidFrom, preview, apply }: Props) {
  const t = useTranslations("reference");
  const errorText = useErrorText();
  const [previewState, previewAction] = useActionState(preview, null);
  const [applyState, applyAction] = useActionState(apply, null);
  const failed = previewState?.ok === false ? previewState : undefined;
  const fileError = failed?.fieldErrors.file;
  const dateError = failed?.fieldErrors.validFrom;
  const outcome = previewState?.ok ? previewState.data : null;
  const typedDate = failed ? String(failed.values.validFrom ?? "") : outcome?.file?.validFrom;
  const applied = applyState?.ok ? applyState.data : null;

  return (
    <div className="space-y-10">
      <section aria-labelledby="upload" className="max-w-prose">
        <h2 id="upload" className="text-2xl font-bold">
          {t("uploadTitle")}
        </h2>
        <form action={previewAction} noValidate className="mt-4">
          {failed && !fileError && !dateError && (
            <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
              {errorText(failed.error)}
            </div>
          )}
          <div className="mb-5">
            <label htmlFor="file" className="block font-semibold">
              {t("fileLabel")}
            </label>
            <p id="file-hint" className="text-sm text-slate-700">
              {t("fileHint")}
            </p>
            {fileError && (
              <p id="file-error" className="mt-1 text-sm font-semibold text-red-800">
                {errorText(fileError)}
              </p>
            )}
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={["file-hint", fileError ? "file-error" : null].filter(Boolean).join(" ")}
              className={`mt-1 ${inputClass}`}
            />
          </div>
          <div className="mb-5">
            <label htmlFor="validFrom" className="block font-semibold">
              {t("validFromLabel")}
            </label>
            <p id="validFrom-hint" className="text-sm text-slate-700">
              {t("validFromHint")}
            </p>
            {dateError && (
              <p id="validFrom-error" className="mt-1 text-sm font-semibold text-red-800">
                {errorText(dateError)}
              </p>
            )}
            <input
              id="validFrom"
              name="validFrom"
              type="date"
              required
              defaultValue={typedDate || defaultValidFrom}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={["validFrom-hint", dateError ? "validFrom-error" : null].filter(Boolean).join(" ")}
              className={`mt-1 ${inputClass}`}
            />
          </div>
          <Submit label={t("previewButton")} busy={t("checking")} />
        </form>
      </section>

      {outcome?.status === "refused" && <Refused issues={outcome.issues} />}
      {outcome?.status === "ready" && outcome.file && (
        <>
          <Preview preview={outcome.preview} />
          {!isEmpty(outcome.preview) && (
            <section aria-labelledby="apply" className="max-w-prose">
              <h2 id="apply" className="text-2xl font-bold">
                {t("applyTitle")}
              </h2>
              <p className="mt-2">{t("applyText")}</p>
              <form action={applyAction} className="mt-4">
                {applyState?.ok === false && (
                  <div role="alert" className="mb-5 rounded border-l-8 border-red-800 bg-red-50 p-4 font-semibold text-red-900">
                    {errorText(applyState.error)}
                  </div>
                )}
                <input type="hidden" name="content" value={outcome.file.content} />
                <input type="hidden" name="sha256" value={outcome.file.sha256} />
                <input type="hidden" name="fileName" value={outcome.file.fileName} />
                <input type="hidden" name="validFrom" value={outcome.file.validFrom} />
                <Submit label={t("applyButton")} busy={t("applying")} />
              </form>
            </section>
          )}
        </>
      )}
      {applied && <Applied outcome={applied} />}
    </div>
  );
}

function isEmpty(p: ReferencePreview): boolean {
  const d = p.diff;
  return d.added.length + d.renamed.length + d.merged.length + d.moved.length + d.regionsAdded.length + d.regionsRenamed.length === 0;
}

function Refused({ issues }: { issues: ReferenceIssue[] }) {
  const t = useTranslations("reference");
  return (
    <section aria-labelledby="refused" className="space-y-3">
      <div role="alert" className="max-w-prose rounded border-l-8 border-red-800 bg-red-50 p-4">
        <h2 id="refused" className="text-2xl font-bold text-red-900">
          {t("refusedTitle")}
        </h2>
        <p className="mt-2">{t("refusedIntro", { count: issues.length })}</p>
      </div>
      <Table caption={t("refusedCaption")} columns={[t("colLine"), t("colProblem")]}>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n} className="border-b border-slate-300">
              <td className={`${cell} whitespace-nowrap`}>{i.line ?? t("wholeFile")}</td>
              <td className={cell}>{t(`issues.${i.code}`, i.values)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function Preview({ preview }: { preview: ReferencePreview }) {
  const t = useTranslations("reference");
  const { diff, moves } = preview;
  const renamed = [
    ...diff.renamed.map((r) => ({ ...r, key: `g-${r.code}` })),
    ...diff.regionsRenamed.map((r) => ({ ...r, key: `r-${r.code}` })),
  ];
  return (
    <section aria-labelledby="preview" className="space-y-6">
      <div>
        <h2 id="preview" className="text-2xl font-bold">
          {t("previewTitle")}
        </h2>
        <p className="mt-2" role="status">
          {t("previewFile", { fileName: preview.fileName, date: preview.validFrom })}{" "}
          {isEmpty(preview) ? t("nothingChanges") : t("unchangedCount", { count: diff.unchanged })}
        </p>
      </div>
      {diff.merged.length > 0 && (
        <Part id="merged" title={t("mergedTitle")}>
          <Table caption={t("mergedCaption")} columns={[t("colNewGemeente"), t("colOldGemeenten"), t("colOpenCases"), t("colStaff")]}>
            <tbody>
              {diff.merged.map((m) => (
                <tr key={m.code} className="border-b border-slate-300">
                  <td className={cell}>
                    {m.name} ({m.code}){m.isNew && <span className="ml-2 rounded bg-teal-50 px-1 text-sm">{t("newGemeente")}</span>}
                  </td>
                  <td className={cell}>
                    <ul>
                      {m.predecessors.map((p) => (
                        <li key={p.code}>
                          {p.name} ({p.code})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className={cell}>{moves[m.code]?.openCases ?? 0}</td>
                  <td className={cell}>{moves[m.code]?.staff ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Part>
      )}
      {diff.added.length > 0 && (
        <Part id="added" title={t("addedTitle")}>
          <Table caption={t("addedCaption")} columns={[t("colCode"), t("colName"), t("colRegion")]}>
            <tbody>
              {diff.added.map((g) => (
                <tr key={g.code} className="border-b border-slate-300">
                  <td className={cell}>{g.code}</td>
                  <td className={cell}>{g.name}</td>
                  <td className={cell}>{g.regionCode}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Part>
      )}
      {renamed.length > 0 && (
        <Part id="renamed" title={t("renamedTitle")}>
          <Table caption={t("renamedCaption")} columns={[t("colCode"), t("colOldName"), t("colNewName")]}>
            <tbody>
              {renamed.map((r) => (
                <tr key={r.key} className="border-b border-slate-300">
                  <td className={cell}>{r.code}</td>
                  <td className={cell}>{r.oldName}</td>
                  <td className={cell}>{r.newName}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Part>
      )}
      {diff.moved.length > 0 && (
        <Part id="moved" title={t("movedTitle")}>
          <Table caption={t("movedCaption")} columns={[t("colCode"), t("colName"), t("colOldRegion"), t("colNewRegion")]}>
            <tbody>
              {diff.moved.map((g) => (
                <tr key={g.code} className="border-b border-slate-300">
                  <td className={cell}>{g.code}</td>
                  <td className={cell}>{g.name}</td>
                  <td className={cell}>{g.oldRegionCode ?? t("noRegion")}</td>
                  <td className={cell}>{g.newRegionCode}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Part>
      )}
      {diff.regionsAdded.length > 0 && (
        <Part id="regions-added" title={t("regionsAddedTitle")}>
          <Table caption={t("regionsAddedCaption")} columns={[t("colCode"), t("colName")]}>
            <tbody>
              {diff.regionsAdded.map((r) => (
                <tr key={r.code} className="border-b border-slate-300">
                  <td className={cell}>{r.code}</td>
                  <td className={cell}>{r.name}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Part>
      )}
    </section>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-xl font-bold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Applied({ outcome }: { outcome: ApplyOutcome }) {
  const t = useTranslations("reference");
  if (outcome.status === "refused") return <Refused issues={outcome.issues} />;
  const done = outcome.status === "applied";
  const moves = done ? Object.values(outcome.summary.moves) : [];
  return (
    <div role="status" className="max-w-prose rounded border-l-8 border-teal-800 bg-teal-50 p-4">
      <h2 className="text-2xl font-bold">{done ? t("appliedTitle") : t("unchangedTitle")}</h2>
      <p className="mt-2">
        {done
          ? t("appliedText", {
              cases: moves.reduce((n, m) => n + m.openCases, 0) + outcome.summary.regionMovedCases,
              staff: moves.reduce((n, m) => n + m.staff, 0),
            })
          : t("unchangedText")}
      </p>
    </div>
  );
}
