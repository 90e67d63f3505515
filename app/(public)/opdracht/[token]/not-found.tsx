import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";

/** An unknown or malformed link: the same page for every such address, telling nothing. */
export default async function OrganisationTaskNotFound() {
  const t = await getTranslations("organisationTask.notFound");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} />
      <p className="text-lg">{t("body")}</p>
    </div>
  );
}
