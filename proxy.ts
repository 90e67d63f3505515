import { NextResponse, type NextRequest } from "next/server";
import { requestHeadersToTrust, trustsForwardedHost } from "@/lib/http/forwarded-host";
import { isOverBodyLimit, tooLargePage } from "@/lib/http/body-limit";
import { contentSecurityPolicy, createNonce, isDownloadPath } from "@/lib/http/security-headers";

/**
 * Gives every page a Content-Security-Policy with a nonce of its own. Next.js takes the
 * nonce from the policy on the request and puts it on the scripts it renders, which is
 * why pages are rendered per request. The other security headers are static and come
 * from next.config.ts. It also drops an X-Forwarded-Host that nobody configured
 * the portal to trust, before the server-action origin check can read it.
 */
export function proxy(request: NextRequest): NextResponse {
  if (isOverBodyLimit(request.headers.get("content-length"))) {
    return new NextResponse(tooLargePage, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const requestHeaders = requestHeadersToTrust(request.headers, trustsForwardedHost());
  // Downloads send a stricter policy of their own, which must not be replaced.
  if (isDownloadPath(request.nextUrl.pathname)) return NextResponse.next({ request: { headers: requestHeaders } });

  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no markup to protect and need no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon).*)"],
};
