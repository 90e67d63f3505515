import { z } from "@/lib/domain/zod";
import { recordId, text } from "./fields";
import { isWellFormedToken } from "./invitations";

/**
 * Input schemas of staff management and onboarding. Error messages are keys of
 * the `errors` section of the message catalogs. Scope ids in these inputs only
 * say which of the actor's own scopes is meant: the services check them against
 * the actor's memberships (decision 020).
 */

export const staffRoleChoices = ["AANSPREEKPUNT", "DECISION_HOLDER", "GEMEENTE_ADMIN", "EXPERT", "REGION_COORDINATOR"] as const;

const email = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .email({ error: "invalidEmail" })
  .max(254, { error: "tooLong" });

const personName = text(2, 120);

export const inviteStaffInput = z.strictObject({
  scopeKind: z.enum(["gemeente", "region"], { error: "invalid" }),
  scopeId: recordId(),
  name: personName,
  email,
  role: z.enum(staffRoleChoices, { error: "chooseStaffRole" }),
});
export type InviteStaffInput = z.infer<typeof inviteStaffInput>;

/** A person of an organisation in the admin's directory, invited to a professional account (decision 040). */
export const inviteProfessionalInput = z.strictObject({
  organisationId: recordId("required"),
  name: personName,
  email,
});
export type InviteProfessionalInput = z.infer<typeof inviteProfessionalInput>;

export const staffInvitationRef = z.strictObject({ invitationId: recordId() });
export type StaffInvitationRef = z.infer<typeof staffInvitationRef>;

export const changeStaffRoleInput = z.strictObject({
  membershipId: recordId(),
  role: z.enum(staffRoleChoices, { error: "chooseStaffRole" }),
});
export type ChangeStaffRoleInput = z.infer<typeof changeStaffRoleInput>;

/** "queue": the person's open cases go back to the queue unassigned; otherwise the id of the colleague who takes them. */
export const removeStaffInput = z.strictObject({
  membershipId: recordId(),
  handOverTo: z.union([z.literal("queue"), recordId("pickColleague")], { error: "pickColleague" }),
  confirm: z.literal("on", { error: "confirmRemoval" }),
});
export type RemoveStaffInput = z.infer<typeof removeStaffInput>;

const token = z.string({ error: "required" }).refine(isWellFormedToken, { error: "invitationUnavailable" });

export const acceptStaffInvitationInput = z.strictObject({ token });
export type AcceptStaffInvitationInput = z.infer<typeof acceptStaffInvitationInput>;

/** A new person sets their name and password, as on the registration form; the address is the invitation's. */
export const createStaffAccountInput = z.strictObject({
  token,
  name: personName,
  password: z.string({ error: "required" }).min(12, { error: "passwordTooShort" }).max(200, { error: "tooLong" }),
});
export type CreateStaffAccountInput = z.infer<typeof createStaffAccountInput>;

export const activateGemeenteInput = z.strictObject({
  gemeenteId: recordId("pickGemeente"),
  adminName: personName,
  adminEmail: email,
});
export type ActivateGemeenteInput = z.infer<typeof activateGemeenteInput>;

export const activateExpertTeamInput = z.strictObject({
  regionId: recordId("pickRegion"),
  coordinatorName: personName,
  coordinatorEmail: email,
});
export type ActivateExpertTeamInput = z.infer<typeof activateExpertTeamInput>;
