import type { ReactNode } from "react";

/**
 * A data table with a caption for screen readers and column headers; the
 * caller gives the rows (a tbody).
 */
export function Table({
  caption,
  columns,
  className = "w-full border-collapse bg-white text-left",
  children,
}: {
  caption: string;
  columns: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-slate-400">
          {columns.map((column) => (
            <th key={column} scope="col" className="p-2">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}
