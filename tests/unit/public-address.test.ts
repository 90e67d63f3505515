import { describe, expect, it } from "vitest";
import { mailBaseUrl, publicAddress } from "@/lib/http/public-address";
import { cookiesMustBeSecure } from "@/lib/http/secure-cookies";

describe("the configured public address", () => {
  it("is AUTH_URL when it is set, whatever PUBLIC_URL says", () => {
    expect(publicAddress({ AUTH_URL: "https://doorbraak.denhaag.nl", PUBLIC_URL: "http://localhost:3000" })).toBe("https://doorbraak.denhaag.nl");
  });

  it("is the demo's PUBLIC_URL without AUTH_URL, and nothing without either", () => {
    expect(publicAddress({ PUBLIC_URL: "http://localhost:3300" })).toBe("http://localhost:3300");
    expect(publicAddress({ AUTH_URL: "", PUBLIC_URL: "" })).toBeUndefined();
  });

  it("is the base of mail links, without a trailing slash", () => {
    expect(mailBaseUrl({ AUTH_URL: "https://doorbraak.denhaag.nl/" })).toBe("https://doorbraak.denhaag.nl");
    expect(mailBaseUrl({ PUBLIC_URL: "http://localhost:3300" })).toBe("http://localhost:3300");
    expect(mailBaseUrl({})).toBe("http://localhost:3000");
  });

  it("keeps the demo's cookies usable over http on this machine, and nowhere else", () => {
    expect(cookiesMustBeSecure(publicAddress({ PUBLIC_URL: "http://localhost:3300" }), "production")).toBe(false);
    expect(cookiesMustBeSecure(publicAddress({ PUBLIC_URL: "http://doorbraak.denhaag.nl" }), "production")).toBe(true);
    expect(cookiesMustBeSecure(publicAddress({}), "production")).toBe(true);
  });
});
