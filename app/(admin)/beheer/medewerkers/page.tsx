import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { StaffManagementPage } from "../staff-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffadmin"))("staffTitle") };
}

type Search = { scope?: string; lid?: string; weggehaald?: string };

/** The gemeente admin's staff: invite, change a role, remove. */
export default async function GemeenteStaffPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("gemeente.manageStaff", "/beheer/medewerkers");
  return <StaffManagementPage actor={actor} kind="gemeente" page="/beheer/medewerkers" search={await searchParams} />;
}
