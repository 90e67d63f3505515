import { describe, expect, it } from "vitest";
import { prisma } from "@/tests/support/owner-db";
import { registerFamily } from "@/lib/server/users/register-family";
import { INVITATION_SECRET, signUpLinkFor } from "@/tests/support/case-stages";

process.env.AUTH_SECRET = INVITATION_SECRET;

const request = { ip: null, userAgent: "vitest", requestId: "passwords" };
let n = 0;
const email = () => `ouder.${Date.now().toString(36)}.${n++}@voorbeeld.nl`;

describe("choosing a password (NIST SP 800-63B)", () => {
  it.each(["wachtwoord123", "welkom123456", "password1234", "qwertyuiop12", "Sanne de Vries 1985"])(
    "refuses %s as too easy to guess, next to the field, and creates no account",
    async (password) => {
      const address = email();
      await expect(registerFamily({ name: "Sanne de Vries", token: await signUpLinkFor(address), password }, request)).rejects.toMatchObject({
        code: "checkFields",
        fieldErrors: { password: "passwordTooCommon" },
      });
      expect(await prisma.user.count({ where: { email: address } })).toBe(0);
    },
  );

  it.each(["een lange zin als wachtwoord", "fietsen langs de grote rivier", "Mijn hond heet Bobbie en hij is 7!"])(
    "accepts %s without rules about capitals, digits or symbols",
    async (password) => {
      const { userId } = await registerFamily({ name: "Sanne de Vries", token: await signUpLinkFor(email()), password }, request);
      expect(await prisma.user.findUnique({ where: { id: userId }, select: { id: true } })).not.toBeNull();
    },
  );
});
