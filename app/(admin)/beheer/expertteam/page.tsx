import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { StaffManagementPage } from "../staff-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffadmin"))("teamTitle") };
}

type Search = { scope?: string; lid?: string; weggehaald?: string };

/** The region coordinator's expert team: invite, change a role, remove. */
export default async function ExpertTeamStaffPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("region.manageStaff", "/beheer/expertteam");
  return <StaffManagementPage actor={actor} kind="region" page="/beheer/expertteam" search={await searchParams} />;
}
