import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorRoles } from "@/lib/auth/actor";
import { staffRoles } from "@/lib/domain/roles";
import { asActor } from "@/lib/db/acting";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/server/errors";

/*
 * A staff member's own notifications. Every query is bound to `actor.userId`,
 * so nobody reads or marks another person's rows. A notification holds only a
 * case number and a kind, not case data, so these reads are not audited.
 */

export const notificationPageSize = 30;

export type MyNotification = {
  id: string;
  kind: string;
  caseNumber: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** Whether the person holds a staff role, the only people notifyStaff writes to. */
export function receivesStaffNotifications(actor: Actor): boolean {
  return actorRoles(actor).some((role) => staffRoles.includes(role));
}

/** A position in the list: the last row's time and id, as one opaque string for the URL. */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = cursor ? /^(\d{1,15})_([a-z0-9]{1,40})$/i.exec(cursor) : null;
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

/**
 * The actor's notifications, newest first, a page at a time. Keyset paging on
 * (createdAt, id): the rows of one transaction share their createdAt, so the id
 * breaks the tie. An unreadable cursor starts at the newest.
 */
export async function listMyNotifications(
  actor: Actor,
  { cursor }: { cursor?: string } = {},
): Promise<{ items: MyNotification[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  const where: Prisma.StaffNotificationWhereInput = after
    ? {
        userId: actor.userId,
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }
    : { userId: actor.userId };
  const rows = await asActor(actor, (tx) => tx.staffNotification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: notificationPageSize + 1,
    select: { id: true, kind: true, caseNumber: true, createdAt: true, readAt: true },
  }));
  const items = rows.slice(0, notificationPageSize);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > notificationPageSize && last ? encodeCursor(last) : null };
}

/** How many of the actor's notifications are unread: one count on the (userId, readAt, createdAt) index. */
export async function countUnread(actor: Actor): Promise<number> {
  return asActor(actor, (tx) => tx.staffNotification.count({ where: { userId: actor.userId, readAt: null } }));
}

/** Marks one of the actor's own notifications read. Someone else's id, or an unknown one, is "not found". */
export async function markRead(actor: Actor, id: string): Promise<void> {
  const marked = await asActor(actor, (tx) => tx.staffNotification.updateMany({
    where: { id, userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  }));
  if (marked.count > 0) return;
  // Nothing changed: either it was read already (fine) or it is not the actor's.
  const own = await asActor(actor, (tx) => tx.staffNotification.findFirst({ where: { id, userId: actor.userId }, select: { id: true } }));
  if (!own) throw new NotFoundError();
}

/**
 * Opening a notification: marks it read and answers the case it is about, or
 * null when it is about none. Someone else's id is NotFound.
 */
export async function openNotification(actor: Actor, id: string): Promise<{ caseNumber: string | null }> {
  await markRead(actor, id);
  const own = await asActor(actor, (tx) => tx.staffNotification.findFirstOrThrow({ where: { id, userId: actor.userId }, select: { caseNumber: true } }));
  return { caseNumber: own.caseNumber };
}

/** Marks all of the actor's unread notifications read; returns how many. */
export async function markAllRead(actor: Actor): Promise<number> {
  const marked = await asActor(actor, (tx) => tx.staffNotification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  }));
  return marked.count;
}

/**
 * The actor opened a case: whatever they were told about it is now seen.
 * Only the actor's own unread rows of that case change.
 */
export async function markCaseNotificationsRead(actor: Actor, caseId: string): Promise<number> {
  const marked = await asActor(actor, (tx) => tx.staffNotification.updateMany({
    where: { userId: actor.userId, caseId, readAt: null },
    data: { readAt: new Date() },
  }));
  return marked.count;
}
