import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createStaffMember, expectAccessible, typePassword } from "./fixtures";

test("ten wrong passwords lock the account for a while, with the same message whether or not it exists", async ({ page }) => {
  const person = await createStaffMember();
  const unknown = `onbekend.${randomBytes(4).toString("hex")}@demo.doorbraak.nl`;
  const alert = page.locator("main").getByRole("alert");
  for (const email of [person.email, unknown]) {
    await page.goto("/inloggen");
    for (let i = 0; i < 10; i++) {
      await typePassword(page, email, `verkeerd wachtwoord ${i}`);
      // The form empties the password field once the answer is in: then the next try.
      await expect(page.getByLabel("Wachtwoord")).toHaveValue("");
      await expect(alert).toHaveText("Het e-mailadres of het wachtwoord klopt niet.");
    }
    // Now even the right password is refused, and the form says why, in plain words.
    await typePassword(page, email);
    await expect(alert).toHaveText(
      "Er is te vaak een verkeerd wachtwoord of een verkeerde code ingevuld. Daarom kunt u nu even niet inloggen. Wacht 15 minuten en probeer het dan opnieuw.",
    );
    await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
    await expect(page.getByText(/Ingelogd als/)).toHaveCount(0);
  }
  await expectAccessible(page);
});
