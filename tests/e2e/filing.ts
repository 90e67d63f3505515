import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures";

/** The filing form shows one step at a time; this waits until the named step is on screen and checks it. */
export async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  await expectAccessible(page);
}

export async function nextStep(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Volgende" }).click();
}

/** Presses Tab until the element has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, limit = 60): Promise<void> {
  await target.waitFor({ state: "attached", timeout: 10_000 });
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}
