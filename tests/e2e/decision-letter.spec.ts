import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

const linkName = "Download de besluitbrief (pdf)";

test("the parent downloads the decision letter of their decided case, and only those who may see the case can", async ({ page }) => {
  await signIn(page, "ouder@demo.doorbraak.nl");
  await page.goto("/mijn-meldingen");
  await page.getByRole("row", { name: /Noah de Vries/ }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Melding DB-/ })).toBeVisible();
  const number = page.url().split("/").pop()!;
  const href = `/besluitbrief/${number}`;
  const link = page.getByRole("link", { name: linkName });
  await expect(link).toHaveAttribute("href", href);
  await expectAccessible(page);

  // The link gives the letter as a download, named after the case.
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`besluit-${number}.pdf`);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(page.getByRole("heading", { level: 1, name: `Melding ${number}` })).toBeVisible();
  await expectAccessible(page);

  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toContain("private");
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toContain(`attachment; filename="besluit-${number}.pdf"`);
  expect(Buffer.from(await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await signOut(page);

  // Signed out, the link leads to sign-in and back, not to the letter.
  const signedOut = await page.request.get(href, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toContain(`/inloggen?terug=${encodeURIComponent(href)}`);

  // A family of another case gets "not found".
  await signIn(page, "ouder.delft@demo.doorbraak.nl");
  expect((await page.request.get(href)).status()).toBe(404);
  await signOut(page);

  // The gemeente's aanspreekpunt finds the same letter on the staff case page.
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await page.goto(`/zaken/${number}`);
  const staffLink = page.getByRole("link", { name: linkName });
  await expect(staffLink).toHaveAttribute("href", href);
  const staffDownloading = page.waitForEvent("download");
  await staffLink.click();
  const staffDownload = await staffDownloading;
  expect(staffDownload.suggestedFilename()).toBe(`besluit-${number}.pdf`);
  expect((await readFile(await staffDownload.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // Each party of the decision has its own copy, with only its own assignment, for staff to send.
  const partyLinks = page.getByRole("link", { name: /^Brief voor .+ \(pdf\)$/ });
  await expect(partyLinks.first()).toBeVisible();
  const partyHref = (await partyLinks.first().getAttribute("href"))!;
  expect(partyHref).toMatch(new RegExp(`^/besluitbrief/${number}/opdracht/[A-Za-z0-9_-]+$`));
  const partyDownloading = page.waitForEvent("download");
  await partyLinks.first().click();
  const partyDownload = await partyDownloading;
  expect(partyDownload.suggestedFilename()).toMatch(new RegExp(`^besluit-${number}-opdracht-\\d+\\.pdf$`));
  expect((await readFile(await partyDownload.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expectAccessible(page);
  await signOut(page);

  // An aanspreekpunt of another gemeente gets "not found", for the letter and for a party's copy.
  await signIn(page, "aanspreekpunt.delft@demo.doorbraak.nl");
  expect((await page.request.get(href)).status()).toBe(404);
  expect((await page.request.get(partyHref)).status()).toBe(404);
  await signOut(page);
});
