import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { may, type Permission } from "@/lib/domain/permissions";
import { currentSignIn, signInPath } from "./sign-in-state";
import { actorRoles, type Actor, type RequestMeta } from "./actor";

/**
 * The signed-in person with their current memberships, or null. Cached per request.
 * A revoked session, and a staff member's session before the second factor, give null
 * (decision 017).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const signIn = await currentSignIn();
  if (signIn.kind !== "signedIn") return null;
  const { user } = signIn;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    organisation: user.organisation,
    memberships: user.memberships,
    request: await requestMeta(),
  };
});

/** Where the current request came from, for the audit trail. */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return {
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null,
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
    requestId: h.get("x-request-id") ?? randomUUID(),
  };
}

/** Signed-out visitors go to sign-in (or its second step) and come back afterwards. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(await signInPath(returnTo));
  return actor;
}

/** A page only some roles may open: anyone else gets "not found". */
export async function requirePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await requireActor(returnTo);
  if (!may(actorRoles(actor), permission)) notFound();
  return actor;
}
