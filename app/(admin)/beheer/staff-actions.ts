"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import {
  activateExpertTeamInput,
  activateGemeenteInput,
  changeStaffRoleInput,
  inviteStaffInput,
  removeStaffInput,
  staffInvitationRef,
} from "@/lib/domain/staff-inputs";
import { formValues, runAction, type ActionState } from "@/lib/server/action";
import { activateExpertTeam } from "@/lib/server/onboarding/activate-expert-team";
import { activateGemeente } from "@/lib/server/onboarding/activate-gemeente";
import { changeStaffRole } from "@/lib/server/staff/change-role";
import { inviteStaff } from "@/lib/server/staff/invite-staff";
import { removeStaff } from "@/lib/server/staff/remove-staff";
import { resendStaffInvitation } from "@/lib/server/staff/resend-invitation";
import { revokeStaffInvitation } from "@/lib/server/staff/revoke-invitation";

/** The staff pages a change shows on; the form says which one it came from. */
function pageOf(formData: FormData): string {
  const page = formData.get("page");
  return page === "/beheer/expertteam" || page === "/beheer/gemeenten-en-regio" ? page : "/beheer/medewerkers";
}

function field(formData: FormData, name: string): FormDataEntryValue {
  return formData.get(name) ?? "";
}

export async function inviteStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(pageOf(formData));
  const values = formValues(formData);
  const input = { scopeKind: field(formData, "scopeKind"), scopeId: field(formData, "scopeId"), name: field(formData, "name"), email: field(formData, "email"), role: formData.get("role") ?? undefined };
  const result = await runAction(inviteStaffInput, input, values, async (parsed) => {
    await inviteStaff(actor, parsed);
    return { email: parsed.email };
  });
  if (result?.ok) revalidatePath(pageOf(formData));
  return result;
}

export async function revokeStaffInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(pageOf(formData));
  const result = await runAction(staffInvitationRef, { invitationId: field(formData, "invitationId") }, {}, (parsed) => revokeStaffInvitation(actor, parsed));
  if (result?.ok) revalidatePath(pageOf(formData));
  return result;
}

export async function resendStaffInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(pageOf(formData));
  const result = await runAction(staffInvitationRef, { invitationId: field(formData, "invitationId") }, {}, (parsed) => resendStaffInvitation(actor, parsed));
  if (result?.ok) revalidatePath(pageOf(formData));
  return result;
}

export async function changeStaffRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor(pageOf(formData));
  const values = formValues(formData);
  const input = { membershipId: field(formData, "membershipId"), role: formData.get("newRole") || undefined };
  const result = await runAction(changeStaffRoleInput, input, values, (parsed) => changeStaffRole(actor, parsed));
  // The form's field is "newRole", so that it never shares an id with the invitation form's role.
  if (result?.ok === false && result.fieldErrors.role) result.fieldErrors.newRole = result.fieldErrors.role;
  if (result?.ok) revalidatePath(pageOf(formData));
  return result;
}

export async function removeStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const page = pageOf(formData);
  const actor = await requireActor(page);
  const values = formValues(formData);
  const choice = formData.get("handOver");
  const input = {
    membershipId: field(formData, "membershipId"),
    handOverTo: choice === "colleague" ? field(formData, "colleague") : choice === "queue" ? "queue" : "",
    confirm: formData.get("confirm") ?? undefined,
  };
  const result = await runAction(removeStaffInput, input, values, (parsed) => removeStaff(actor, parsed));
  if (!result?.ok) {
    // The colleague's list is the field the person sees; the choice itself is its legend.
    if (result?.fieldErrors.handOverTo) result.fieldErrors.colleague = result.fieldErrors.handOverTo;
    return result;
  }
  revalidatePath(page);
  // The member's panel is gone with them: back to the list, with what happened.
  redirect(`${page}?weggehaald=${result.data.cases}`);
}

export async function activateGemeenteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer/gemeenten-en-regio");
  const values = formValues(formData);
  const input = { gemeenteId: field(formData, "gemeenteId"), adminName: field(formData, "adminName"), adminEmail: field(formData, "adminEmail") };
  const result = await runAction(activateGemeenteInput, input, values, async (parsed) => {
    await activateGemeente(actor, parsed);
    return { email: parsed.adminEmail };
  });
  if (result?.ok) revalidatePath("/beheer/gemeenten-en-regio");
  return result;
}

export async function activateExpertTeamAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor("/beheer/gemeenten-en-regio");
  const values = formValues(formData);
  const input = { regionId: field(formData, "regionId"), coordinatorName: field(formData, "coordinatorName"), coordinatorEmail: field(formData, "coordinatorEmail") };
  const result = await runAction(activateExpertTeamInput, input, values, async (parsed) => {
    await activateExpertTeam(actor, parsed);
    return { email: parsed.coordinatorEmail };
  });
  if (result?.ok) revalidatePath("/beheer/gemeenten-en-regio");
  return result;
}
