/**
 * Runs once when a Next.js server starts. A notification that failed waits for
 * its retry time (lib/domain/retry.ts); that time can pass while nobody does
 * anything in the portal, so every server delivers the outbox on a timer.
 * Several servers may do so at once: claiming with SKIP LOCKED keeps them from
 * sending one message twice.
 *
 * OUTBOX_INTERVAL_SECONDS sets the pace (default 60); 0 turns the timer off.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const seconds = Number(process.env.OUTBOX_INTERVAL_SECONDS || "60");
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    const { deliverOutbox } = await import("@/lib/server/notifications/deliver-outbox");
    const state = globalThis as { doorbraakOutboxTimer?: ReturnType<typeof setInterval> };
    if (state.doorbraakOutboxTimer) return;
    let running = false;
    state.doorbraakOutboxTimer = setInterval(() => {
      // A slow mail server must not stack up runs.
      if (running) return;
      running = true;
      deliverOutbox()
        .catch((error: unknown) => console.error("[outbox]", error))
        .finally(() => {
          running = false;
        });
    }, seconds * 1000);
    // The timer alone must never keep the process alive.
    state.doorbraakOutboxTimer.unref();
  }
}
