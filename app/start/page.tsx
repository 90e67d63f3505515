import { redirect } from "next/navigation";
import { actorRoles } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { may } from "@/lib/domain/permissions";

/** Where each person lands after signing in: their own work list. */
export default async function StartPage() {
  const roles = actorRoles(await requireActor("/start"));
  if (may(roles, "queue.gemeente")) redirect("/werkbak");
  if (may(roles, "queue.region")) redirect("/expertteam");
  if (may(roles, "case.search")) redirect("/ombudsman");
  if (may(roles, "gemeente.manage") || may(roles, "platform.manage")) redirect("/beheer");
  // A region coordinator's work is the expert team's members.
  if (may(roles, "region.manageStaff")) redirect("/beheer/expertteam");
  redirect("/mijn-meldingen");
}
