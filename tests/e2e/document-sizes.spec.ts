import { expect, test, type Page } from "@playwright/test";
import { openFold, signIn } from "./fixtures";
import { minimalPdfText } from "../support/minimal-pdf";

/** A valid PDF of exactly `size` bytes: a one-page PDF, then padding after its end. */
function pdfOf(size: number): Buffer {
  const pdf = Buffer.from(minimalPdfText);
  const out = Buffer.alloc(size, 0x20);
  pdf.copy(out);
  return out;
}

const MB = 1_000_000;
const MiB = 1024 * 1024;
const tooLarge = "Dit bestand is te groot. Het mag niet groter zijn dan 10 MB.";

async function openCase(page: Page): Promise<void> {
  await page.goto("/mijn-meldingen");
  await page.getByRole("row", { name: /Noah de Vries/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Documenten" })).toBeVisible();
}

async function upload(page: Page, name: string, size: number): Promise<void> {
  await openFold(page, "Een bestand toevoegen aan uw melding");
  await page.getByLabel("Kies een bestand").setInputFiles({ name, mimeType: "application/pdf", buffer: pdfOf(size) });
  await page.getByRole("button", { name: "Document toevoegen" }).click();
}

// Files near the 10 MB limit once got a server error: the proxy cut bodies at 10 MiB.
test("every size near the limit is either added or refused with a Dutch message", async ({ page, browser }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await openCase(page);
  const documents = page.getByRole("table", { name: "Documenten bij deze melding, nieuwste eerst" });

  for (const [name, size] of [
    ["bijna-tien.pdf", 9.9 * MB],
    ["tien.pdf", 10 * MB],
    ["net-onder-de-grens.pdf", 10 * MiB - 200],
    ["precies-de-grens.pdf", 10 * MiB],
  ] as const) {
    await upload(page, name, size);
    await expect(page.getByText(`Gelukt. Het document ${name} staat nu bij de melding.`)).toBeVisible();
    await expect(documents.getByRole("link", { name: `${name} (downloaden)`, exact: true })).toBeVisible();
  }

  // Larger files are stopped in the browser, before they travel.
  for (const [name, size] of [
    ["tien-en-een-half.pdf", 10.5 * MB],
    ["twaalf.pdf", 12 * MB],
  ] as const) {
    await upload(page, name, size);
    await expect(page.getByText(tooLarge)).toBeVisible();
    await expect(page.getByLabel("Kies een bestand")).toHaveAttribute("aria-invalid", "true");
    await expect(documents.getByRole("link", { name: `${name} (downloaden)`, exact: true })).toHaveCount(0);
  }

  // Without JavaScript nothing is checked before sending: the server refuses with the same
  // message next to the field, and a body past what the portal reads gets a Dutch page.
  const bare = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noScript = await bare.newPage();
  await openCase(noScript);
  await upload(noScript, "twaalf-zonder-script.pdf", 12 * MB);
  await expect(noScript.getByText(tooLarge)).toBeVisible();
  await upload(noScript, "twintig.pdf", 20 * MB);
  await expect(noScript.getByRole("heading", { level: 1, name: "Het bestand is te groot" })).toBeVisible();
  await bare.close();

  await page.reload();
  for (const name of ["tien-en-een-half.pdf", "twaalf.pdf", "twaalf-zonder-script.pdf", "twintig.pdf"]) {
    await expect(documents.getByRole("link", { name: `${name} (downloaden)`, exact: true })).toHaveCount(0);
  }
});
