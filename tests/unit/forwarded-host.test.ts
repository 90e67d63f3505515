import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestHeadersToTrust, trustsForwardedHost } from "@/lib/http/forwarded-host";
import { proxy } from "@/proxy";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The request headers the proxy hands on to the app, as Next.js reads them from its answer. */
function headersHandedOn(response: Response): Map<string, string | null> {
  const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  return new Map(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`)]));
}

function post(path: string): NextRequest {
  return new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example" },
  });
}

describe("X-Forwarded-Host", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["0", false],
    ["true", false],
    ["1", true],
  ])("is trusted with TRUST_FORWARDED_HOST=%j: %s", (value, trusted) => {
    expect(trustsForwardedHost({ TRUST_FORWARDED_HOST: value })).toBe(trusted);
  });

  it("is removed from the request unless trusted, and nothing else is", () => {
    const headers = new Headers({ host: "portal.example", "x-forwarded-host": "evil.example", "x-forwarded-for": "192.0.2.1" });
    expect([...requestHeadersToTrust(headers, false).keys()]).toEqual(["host", "x-forwarded-for"]);
    expect(requestHeadersToTrust(headers, true).get("x-forwarded-host")).toBe("evil.example");
  });

  it.each(["/", "/documenten/abc"])("does not reach the app through the proxy on %s without configuration", (path) => {
    vi.stubEnv("TRUST_FORWARDED_HOST", "");
    const handedOn = headersHandedOn(proxy(post(path)));
    expect(handedOn.get("host")).toBe("127.0.0.1:3000");
    expect(handedOn.get("origin")).toBe("https://evil.example");
    expect(handedOn.has("x-forwarded-host")).toBe(false);
  });

  it("reaches the app through the proxy when the operator trusts the proxy in front", () => {
    vi.stubEnv("TRUST_FORWARDED_HOST", "1");
    expect(headersHandedOn(proxy(post("/"))).get("x-forwarded-host")).toBe("evil.example");
  });
});
