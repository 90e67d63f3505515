import type { Membership, Role } from "@/lib/domain/roles";

/** Where a request came from, for the audit trail (NEN 7513 "access point"). */
export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
};

/** The person acting, passed explicitly to every service. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  organisation: string | null;
  memberships: Membership[];
  request: RequestMeta;
};

export function actorRoles(actor: Actor): Role[] {
  return [...new Set(actor.memberships.map((m) => m.role))];
}
