import { useFormatter, useTranslations } from "next-intl";
import { Table } from "@/components/table";
import { isDocumentContentType, documentTypes } from "@/lib/domain/documents";

/** A document as the lists show it: what it is, never its content. */
export type DocumentRow = { id: string; fileName: string; contentType: string; size: number; createdAt: Date };

/** "850 kB", "2,4 MB": sizes in the reader's language. */
export function useFileSize(): (bytes: number) => string {
  const format = useFormatter();
  return (bytes) => {
    const megabytes = bytes / (1024 * 1024);
    if (megabytes >= 1) return format.number(megabytes, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
    return format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" });
  };
}

/**
 * The documents of a case with a download link each (every download is
 * audited). Used on the family page and in the staff workspace.
 */
export function DocumentList({ documents }: { documents: readonly DocumentRow[] }) {
  const t = useTranslations("documents");
  const format = useFormatter();
  const size = useFileSize();
  if (documents.length === 0) return <p className="mt-3">{t("empty")}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <Table caption={t("caption")} columns={[t("colName"), t("colType"), t("colSize"), t("colAdded")]}>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id} className="border-b border-slate-300">
              <td className="p-2 [overflow-wrap:anywhere]">
                <a href={`/documenten/${encodeURIComponent(d.id)}`} className="font-semibold">
                  <bdi>{d.fileName}</bdi>
                  <span className="sr-only"> {t("download")}</span>
                </a>
              </td>
              <td className="p-2">{t(`types.${isDocumentContentType(d.contentType) ? documentTypes[d.contentType] : "other"}`)}</td>
              <td className="p-2 whitespace-nowrap">{size(d.size)}</td>
              <td className="p-2">
                {/* On the family page this renders in the browser too, whose date wording may differ slightly from the server's. */}
                <time dateTime={d.createdAt.toISOString()} suppressHydrationWarning>
                  {format.dateTime(d.createdAt, { dateStyle: "long", timeStyle: "short" })}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** The staff workspace's section with the case's documents. */
export function CaseDocuments({ documents }: { documents: readonly DocumentRow[] }) {
  const t = useTranslations("documents");
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2">{t("staffIntro")}</p>
      <DocumentList documents={documents} />
    </section>
  );
}
