import type { ReactNode } from "react";

/**
 * A section of a long page that stays folded until the reader opens it: its
 * heading is the summary, so the page's outline and the section's name stay
 * the same whether it is open or not.
 */
export function FoldedSection({
  id,
  title,
  summary,
  open = false,
  children,
}: {
  id: string;
  title: string;
  /** One line under the heading that says what is inside */
  summary?: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded border border-slate-300 bg-white">
      <details open={open}>
        <summary className="cursor-pointer p-4">
          <h2 id={`${id}-title`} className="inline text-2xl font-bold">
            {title}
          </h2>
          {summary && <span className="mt-1 block text-slate-700">{summary}</span>}
        </summary>
        <div className="px-4 pb-4">{children}</div>
      </details>
    </section>
  );
}
