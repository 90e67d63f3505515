import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { actorRoles } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/session";
import { listGemeenten } from "@/lib/server/reference/list-gemeenten";
import { loadDraft } from "@/lib/server/drafts/case-draft";
import { listRoutes } from "@/lib/server/coverage/routes";
import { fileCaseAction, saveDraftAction } from "./actions";
import { FileCaseForm } from "./file-case-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("filing"))("title") };
}

export default async function FileCasePage() {
  const actor = await requirePermission("case.file", "/melden");
  const t = await getTranslations("filing");
  const roles = actorRoles(actor);
  const allowed = roles.includes("PROFESSIONAL")
    ? (["PROFESSIONAL"] as const)
    : (["PARENT", "YOUTH"] as const);
  const { routes, fallback } = await listRoutes();
  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <FileCaseForm
        action={fileCaseAction}
        gemeenten={await listGemeenten()}
        routes={routes}
        fallback={fallback}
        allowedFilerRoles={[...allowed]}
        submissionId={randomUUID()}
        draft={(await loadDraft(actor))?.values ?? null}
        saveDraft={saveDraftAction}
      />
    </div>
  );
}
