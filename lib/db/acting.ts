import type { Actor } from "@/lib/auth/actor";
import { anonymousScope, databaseScopeOf, scopeSettings, systemScope, type DatabaseScope } from "@/lib/domain/database-scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma, type Tx } from "./client";

export type TransactionOptions = {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  maxWait?: number;
  timeout?: number;
};

/**
 * Tells PostgreSQL who acts for the rest of the transaction (set_config with
 * is_local = true), so that row-level security (decision 016) lets through only
 * the rows the permission table gives this person. Outside such a transaction
 * the portal's database role sees no case data at all.
 */
export async function enterScope(tx: Tx, scope: DatabaseScope): Promise<void> {
  const settings = Object.entries(scopeSettings(scope)).map(
    ([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`,
  );
  // No JIT compilation: the policies' function calls make the planner's cost
  // estimates high enough to trigger it, and compiling took 200-400 ms for
  // queries that run in under one (decision 018).
  await tx.$queryRaw`SELECT ${Prisma.join([...settings, Prisma.sql`set_config('jit', 'off', true)`])}`;
}

/**
 * Runs `fn` in the system's scope inside a transaction that acts for someone, and then
 * gives the transaction its own scope back. For the few consequences that reach beyond
 * what the person may see themselves: a new aanspreekpunt makes the gemeente live, and
 * the cases waiting elsewhere for it must move, although a gemeente admin reads no case.
 */
export async function withSystemScope<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const names = Object.keys(scopeSettings(systemScope));
  const saved = await tx.$queryRaw<{ name: string; value: string | null }[]>`
    SELECT name, current_setting(name, true) AS value FROM unnest(${names}::text[]) AS name`;
  await enterScope(tx, systemScope);
  const result = await fn();
  const restore = saved.map((s) => Prisma.sql`set_config(${s.name}, ${s.value ?? ""}, true)`);
  await tx.$queryRaw`SELECT ${Prisma.join(restore)}`;
  return result;
}

/** One transaction in a scope: the only way the portal reads or changes case data. */
export function inScope<T>(scope: DatabaseScope, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await enterScope(tx, scope);
    return fn(tx);
  }, options);
}

export function scopeOfActor(actor: Pick<Actor, "userId" | "memberships">): DatabaseScope {
  return databaseScopeOf(actor.userId, actor.memberships);
}

/** A transaction acting as a signed-in person. */
export function asActor<T>(actor: Pick<Actor, "userId" | "memberships">, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return inScope(scopeOfActor(actor), fn, options);
}

/** A transaction of the portal's own jobs, which act for no one and reach every case. */
export function asSystem<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return inScope(systemScope, fn, options);
}

/** A transaction for someone not signed in (registration, an invitation's landing page): no case data. */
export function asAnonymous<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return inScope(anonymousScope, fn, options);
}
