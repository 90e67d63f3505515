import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";
import { contentSecurityPolicy, createNonce, isDownloadPath, staticSecurityHeaders } from "@/lib/http/security-headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("the Content-Security-Policy of pages", () => {
  it("runs only scripts with this request's nonce in production, and nothing inline or evaluated", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
    }
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades subresources only when the page itself came over https", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", development: false, https: true }));
    expect(policy.get("upgrade-insecure-requests")).toEqual([]);
  });

  it("allows eval and inline styles under `next dev` only", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", development: true, https: false }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toContain("'unsafe-inline'");
  });

  it("uses a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("downloads keep their own policy", () => {
  it.each([
    ["/documenten/cm9abc", true],
    ["/besluitbrief/DB-2026-000012", true],
    ["/zaken/DB-2026-000012/audit/export", true],
    ["/zaken/DB-2026-000012/audit", false],
    ["/zaken/DB-2026-000012", false],
    ["/documenten", false],
    ["/", false],
  ])("%s: %s", (pathname, download) => {
    expect(isDownloadPath(pathname)).toBe(download);
  });
});

describe("the static security headers", () => {
  it("are sent for every path by next.config.ts, which allows server actions from no other origin", () => {
    const names = staticSecurityHeaders.map((h) => h.key);
    expect(names).toEqual(
      expect.arrayContaining([
        "Strict-Transport-Security",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
        "Cross-Origin-Opener-Policy",
      ]),
    );
    const config = readFileSync(path.join(process.cwd(), "next.config.ts"), "utf8");
    expect(config).toContain('source: "/:path*", headers: staticSecurityHeaders');
    expect(config).not.toMatch(/allowedOrigins/);
  });
});

describe("Secure cookies", () => {
  it.each([
    ["https://doorbraak.denhaag.nl", "production", true],
    ["http://doorbraak.denhaag.nl", "production", true],
    ["http://localhost:3000", "production", false],
    ["http://127.0.0.1:3100", "production", false],
    ["http://[::1]:3000", "production", false],
    ["https://localhost:3000", "production", true],
    [undefined, "production", true],
    [undefined, "development", false],
  ])("AUTH_URL %s under %s: %s", (authUrl, nodeEnv, secure) => {
    expect(cookiesMustBeSecure(authUrl, nodeEnv)).toBe(secure);
  });
});

describe("schemas in the browser", () => {
  it("never compile parsers with eval, which the policy forbids", async () => {
    await import("@/lib/domain/inputs");
    const { globalConfig } = await import("zod/v4/core");
    expect(globalConfig.jitless).toBe(true);
  });

  it("take zod only from lib/domain/zod.ts", () => {
    const files = readdirSync(process.cwd(), { recursive: true, encoding: "utf8" }).filter(
      (f) => /^(app|components|lib)\//.test(f) && /\.tsx?$/.test(f) && !f.startsWith("lib/generated/"),
    );
    expect(files.length).toBeGreaterThan(50);
    const direct = files.filter((f) => f !== "lib/domain/zod.ts" && /from "zod(\/[^"]*)?"/.test(readFileSync(f, "utf8")));
    expect(direct).toEqual([]);
  });
});
