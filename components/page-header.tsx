import type { ReactNode } from "react";

export function PageHeader({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-bold text-slate-950">{title}</h1>
      {intro && <p className="mt-2 max-w-prose text-lg text-slate-800">{intro}</p>}
      {children}
    </div>
  );
}
