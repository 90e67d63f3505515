import { expect, test } from "@playwright/test";
import { expectAccessible, openFold, signIn, signOut } from "./fixtures";
import { minimalPdfText } from "../support/minimal-pdf";

/** A complete, valid one-page PDF. */
const minimalPdf = Buffer.from(minimalPdfText);

test("the family adds a document to their case, and the aanspreekpunt downloads it", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto("/mijn-meldingen");
  await page.getByRole("row", { name: /Noah de Vries/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const number = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 2, name: "Documenten" })).toBeVisible();
  await expectAccessible(page);

  // Adding a file is folded until wanted.
  await openFold(page, "Een bestand toevoegen aan uw melding");
  const fileField = page.getByLabel("Kies een bestand");
  await expect(fileField).toHaveAccessibleDescription(/Een PDF of een foto: PDF, PNG, JPEG, WebP of HEIC\. Het bestand mag niet groter zijn dan 10 MB\./);
  const addButton = page.getByRole("button", { name: "Document toevoegen" });

  // A text file dressed up as a PDF is refused, whatever its name and type say.
  await fileField.setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("Beste gemeente, dit is geen echte pdf.") });
  await addButton.click();
  const refusal = "Dit soort bestand kunnen wij niet aannemen. Kies een PDF of een foto (PNG, JPEG, WebP of HEIC).";
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(fileField).toHaveAttribute("aria-invalid", "true");
  await expect(fileField).toHaveAccessibleDescription(new RegExp(refusal.replace(/[.()]/g, "\\$&")));
  await expect(fileField).toBeFocused();
  const documents = page.getByRole("table", { name: "Documenten bij deze melding, nieuwste eerst" });
  await expect(documents.getByRole("link", { name: /brief\.pdf/ })).toHaveCount(0);
  await expectAccessible(page);

  // A real PDF is added and listed.
  await fileField.setInputFiles({ name: "verslag school.pdf", mimeType: "application/pdf", buffer: minimalPdf });
  await addButton.click();
  await expect(page.getByText("Gelukt. Het document verslag school.pdf staat nu bij de melding.")).toBeVisible();
  await expect(page.getByText(refusal)).toHaveCount(0);
  const row = documents.getByRole("row", { name: /verslag school\.pdf/ }).first();
  await expect(row).toContainText("PDF");
  await expectAccessible(page);

  // The download link gives the file back, as an attachment under its own name.
  const link = row.getByRole("link", { name: "verslag school.pdf (downloaden)" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/documenten\//);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-disposition"]).toContain("filename*=UTF-8''verslag%20school.pdf");
  expect(Buffer.from(await response.body()).equals(minimalPdf)).toBe(true);
  await signOut(page);

  // Signed out, the link leads to sign-in, not to the file.
  const signedOut = await page.request.get(href!, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain("/inloggen");

  // Staff of the gemeente see the document in the case workspace and can download it.
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  await expect(page.getByRole("heading", { level: 2, name: "Documenten" })).toBeVisible();
  const staffLink = page
    .getByRole("table", { name: "Documenten bij deze melding, nieuwste eerst" })
    .getByRole("link", { name: "verslag school.pdf (downloaden)" })
    .first();
  const download = page.waitForEvent("download");
  await staffLink.click();
  expect((await download).suggestedFilename()).toBe("verslag school.pdf");
  await expectAccessible(page);
  await signOut(page);

  // Staff of another gemeente get "not found" for the same link.
  await signIn(page, "aanspreekpunt.delft@demo.doorbraak.nl");
  const foreign = await page.request.get(href!);
  expect(foreign.status()).toBe(404);
  await signOut(page);
});
