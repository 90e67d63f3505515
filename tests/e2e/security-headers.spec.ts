import { expect, test, type Page, type Response } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./fixtures";

/**
 * Every kind of page carries the portal's security headers and a Content-Security-Policy
 * whose nonce is on each of its scripts, and the browser reports no violation of that
 * policy while pages load and forms are sent. Downloads keep their own, stricter policy,
 * cookies are httpOnly and SameSite, and a server action posted from another origin is
 * refused. The portal runs on http://127.0.0.1 here, so cookies are not Secure.
 */

const staticHeaders = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** Collects what the browser reports about the policy, from the first page load on. */
async function watchPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Checks the headers and scripts of one HTML response; returns its nonce. */
async function expectHardened(response: Response | null): Promise<string> {
  expect(response, "a response").not.toBeNull();
  const res = response as Response;
  const url = res.url();
  const headers = await res.allHeaders();
  expect(headers["content-type"], url).toMatch(/^text\/html/);
  for (const [name, value] of Object.entries(staticHeaders)) expect(headers[name], `${name} on ${url}`).toBe(value);
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
    expect(permissions, url).toContain(`${feature}=()`);
  }

  const policies = (await res.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies, `one policy on ${url}`).toHaveLength(1);
  const policy = directives(policies[0]!.value);
  const scriptSrc = policy.get("script-src") ?? [];
  expect(scriptSrc, url).toContain("'strict-dynamic'");
  expect(scriptSrc, url).not.toContain("'unsafe-inline'");
  expect(scriptSrc, url).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src"), url).not.toContain("'unsafe-inline'");
  expect(policy.get("default-src"), url).toEqual(["'self'"]);
  expect(policy.get("object-src"), url).toEqual(["'none'"]);
  expect(policy.get("base-uri"), url).toEqual(["'none'"]);
  expect(policy.get("form-action"), url).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
  expect(policy.get("connect-src"), url).toEqual(["'self'"]);
  // Served over http here: no upgrade of subresources.
  expect(policy.has("upgrade-insecure-requests"), url).toBe(false);

  const nonce = scriptSrc.map((s) => /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(s)?.[1]).find(Boolean);
  expect(nonce, `a nonce on ${url}`).toBeTruthy();
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${url}`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  return nonce!;
}

async function visit(page: Page, path: string): Promise<string> {
  return expectHardened(await page.goto(path));
}

test("public pages carry the headers and a fresh nonce on every script", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  const nonces = new Set<string>();
  for (const path of ["/", "/inloggen", "/registreren", "/gemeenten", "/gemeenten/GM0518"]) nonces.add(await visit(page, path));
  await expectAccessible(page);
  // A page that does not exist is an HTML page too.
  const missing = await page.goto("/bestaat-niet");
  expect(missing?.status()).toBe(404);
  nonces.add(await expectHardened(missing));
  expect(nonces.size, "a nonce per request").toBe(6);

  // The language switch is a form with a server action; it works under the policy.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  expect(violations).toEqual([]);
});

test("a parent's pages: signing in through the form, the list and a case, with httpOnly cookies", async ({ page, context }) => {
  const violations = await watchPolicyViolations(page);
  await signIn(page, "ouder@demo.doorbraak.nl");

  const cookies = await context.cookies();
  const session = cookies.find((c) => /authjs\.session-token$/.test(c.name));
  expect(session, "a session cookie").toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  for (const cookie of cookies) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
  }

  await visit(page, "/mijn-meldingen");
  const caseLink = page.getByRole("link", { name: /^DB-\d{4}-\d{6}$/ }).first();
  const href = await caseLink.getAttribute("href");
  expect(href).toMatch(/^\/mijn-meldingen\/DB-\d{4}-\d{6}$/);
  await visit(page, href!);
  await expectAccessible(page);
  await signOut(page);
  expect(violations).toEqual([]);
});

test("staff, admin and ombudsman pages; downloads keep their own stricter policy", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await signIn(page, "aanspreekpunt@demo.doorbraak.nl");
  await visit(page, `/werkbak?q=${encodeURIComponent("Noah de Vries")}`);
  const caseLink = page.getByRole("row", { name: /Noah de Vries/ }).getByRole("link").first();
  const href = await caseLink.getAttribute("href");
  const number = /^\/zaken\/(DB-\d{4}-\d{6})$/.exec(href ?? "")?.[1];
  expect(number, `a case link, not ${href}`).toBeTruthy();
  await visit(page, `/zaken/${number}`);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "beheer.gemeente@demo.doorbraak.nl");
  await visit(page, "/beheer");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "ombudsman@demo.doorbraak.nl");
  await visit(page, "/ombudsman");
  await visit(page, `/zaken/${number}/audit`);
  await expectAccessible(page);

  const download = await page.request.get(`/zaken/${number}/audit/export?format=csv`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  const downloadPolicies = download.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(downloadPolicies.map((h) => h.value)).toEqual(["default-src 'none'; sandbox"]);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["strict-transport-security"]).toBe(staticHeaders["strict-transport-security"]);

  const noDocument = await page.request.get("/documenten/bestaat-niet");
  expect(noDocument.status()).toBe(404);
  expect(noDocument.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy").map((h) => h.value)).toEqual([
    "default-src 'none'; sandbox",
  ]);
  await signOut(page);
  expect(violations).toEqual([]);
});

test("a server action posted from another origin is refused and changes nothing", async ({ request, baseURL }) => {
  const home = await (await request.get("/")).text();
  expect(home).toContain('<html lang="nl"');
  // The language switch: a form whose action sets the locale cookie.
  const actionId = /name="\$ACTION_ID_([0-9a-f]+)"[^<]*<input[^>]*name="locale"/.exec(home)?.[1];
  expect(actionId, "the language switch's action id").toBeTruthy();
  const form = { [`$ACTION_ID_${actionId}`]: "", locale: "en" };
  const setsLocale = (response: { headersArray(): { name: string; value: string }[] }) =>
    response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("locale="));

  const foreign: Record<string, string>[] = [
    { Origin: "https://evil.example", "Next-Action": actionId! },
    { Origin: "https://evil.example" },
    { Origin: "http://127.0.0.1.evil.example" },
    // Next.js believes X-Forwarded-Host first; the proxy drops it unless TRUST_FORWARDED_HOST=1.
    { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
  ];
  for (const headers of foreign) {
    const refused = await request.post("/", { headers, multipart: form, maxRedirects: 0 });
    expect(refused.ok(), `${JSON.stringify(headers)}: status ${refused.status()}`).toBe(false);
    expect(setsLocale(refused)).toEqual([]);
  }
  expect(await (await request.get("/")).text()).toContain('<html lang="nl"');

  // The same request from the portal's own origin does switch the language, so the refusal above is the origin check.
  const accepted = await request.post("/", { headers: { Origin: new URL(baseURL!).origin }, multipart: form, maxRedirects: 0 });
  expect(accepted.status()).toBe(200);
  const [cookie] = setsLocale(accepted);
  expect(cookie?.value).toMatch(/^locale=en;/);
  expect(cookie?.value).toMatch(/; HttpOnly/i);
  expect(cookie?.value).toMatch(/; SameSite=lax/i);
  expect(cookie?.value).not.toMatch(/; Secure/i);
  expect(await (await request.get("/")).text()).toContain('<html lang="en"');
});
