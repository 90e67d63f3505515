import { prisma } from "./client";

/**
 * Says so in the server log when the portal's database connection would pass
 * row-level security by (superuser, BYPASSRLS or owner of the tables): then
 * only the application's own scoping keeps gemeenten apart (decision 016).
 * The same check for the embedded demo database, which the portal opens as
 * doorbraak_app too (lib/db/client.ts).
 */
export async function warnWhenPoliciesDoNotApply(): Promise<void> {
  const [role] = await prisma.$queryRaw<{ name: string; bypasses: boolean }[]>`
    SELECT current_user AS name,
           r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'Case' AND c.relowner = r.oid) AS bypasses
    FROM pg_roles r WHERE r.rolname = current_user`;
  if (role?.bypasses) {
    console.warn(
      `[database] connected as "${role.name}", to whom row-level security does not apply. ` +
        "Connect as doorbraak_app (README, decision 016).",
    );
  }
}
