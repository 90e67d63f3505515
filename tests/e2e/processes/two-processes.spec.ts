import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, signOut } from "../fixtures";

/**
 * Runs only against several server processes behind one address (E2E_PROCESSES=2, decision
 * 041): each request goes to the next process in turn, and each answer names its process.
 */

/** Asks for `path` `times` times in a row, with the page quiet, and answers which processes served it and what they said. */
async function askInTurn(request: APIRequestContext, path: string, times = 4) {
  const answers: { process: string | undefined; status: number; location: string | undefined; body: string }[] = [];
  for (let i = 0; i < times; i++) {
    // One request each: a followed redirect would be a second request, to the other process.
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    answers.push({ process: headers["x-doorbraak-process"], status: response.status(), location: headers["location"], body: await response.text() });
  }
  return answers;
}

test("a signed-in person is the same person on every process, and signed out on every process once they sign out", async ({ page }) => {
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  // Nothing else in flight: the requests below alternate between the processes.
  await page.goto("about:blank");
  const signedIn = await askInTurn(page.request, "/werkbak");
  expect(new Set(signedIn.map((a) => a.process))).toEqual(new Set(["1", "2"]));
  for (const answer of signedIn) {
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Ingelogd als Mirjam Jansen");
  }

  // The session was revoked in the database: neither process takes it any more.
  await page.goto("/werkbak");
  await signOut(page);
  await page.goto("about:blank");
  const signedOut = await askInTurn(page.request, "/werkbak");
  expect(new Set(signedOut.map((a) => a.process))).toEqual(new Set(["1", "2"]));
  for (const answer of signedOut) {
    expect(answer.status).toBeGreaterThanOrEqual(300);
    expect(answer.status).toBeLessThan(400);
    expect(answer.location).toMatch(/\/inloggen\?/);
    expect(answer.body).not.toContain("Ingelogd als");
  }
});
