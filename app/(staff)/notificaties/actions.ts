"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "@/lib/domain/zod";
import { recordId } from "@/lib/domain/fields";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { markAllRead, markRead, openNotification } from "@/lib/server/notifications/staff-inbox";

// Only what can be a notification's id is looked up: a NUL in a query is a database error, not "not found".
const markReadInput = z.object({ id: recordId() }).strict();

/*
 * Both actions refresh the whole page, the site header included: the unread
 * count lives in the root layout, which a server action does not re-render
 * on its own.
 */

export async function markReadAction(formData: FormData): Promise<void> {
  const actor = await requireActor("/notificaties");
  const parsed = markReadInput.safeParse({ id: formData.get("id") ?? undefined });
  if (!parsed.success) notFound();
  try {
    await markRead(actor, parsed.data.id);
  } catch (error) {
    // Someone else's notification looks the same as one that does not exist.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  const actor = await requireActor("/notificaties");
  await markAllRead(actor);
  revalidatePath("/", "layout");
}

/** Opens the case of a notification, marking it read first so the header's count is right on arrival. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const actor = await requireActor("/notificaties");
  const parsed = markReadInput.safeParse({ id: formData.get("id") ?? undefined });
  if (!parsed.success) notFound();
  let caseNumber: string | null;
  try {
    ({ caseNumber } = await openNotification(actor, parsed.data.id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  revalidatePath("/", "layout");
  redirect(caseNumber ? `/zaken/${encodeURIComponent(caseNumber)}` : "/notificaties");
}
