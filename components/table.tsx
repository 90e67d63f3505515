import type { ReactNode } from "react";

/**
 * A data table with a caption for screen readers and column headers; the
 * caller gives the rows (a tbody). On a narrow screen a wide table scrolls
 * sideways inside its own box instead of widening the page; the box can be
 * focused, so that it also scrolls by keyboard, and is named after the table.
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
    <div role="group" aria-label={caption} tabIndex={0} className="max-w-full overflow-x-auto focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400">
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
    </div>
  );
}
