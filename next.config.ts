import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { requestBodyLimitBytes } from "./lib/http/body-limit";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // file-type (magic-byte detection of uploads) is plain Node ESM; loaded as is, its optional
  // `supports-color` lookup (through `debug`) stays out of the bundler. pg-boss (the job queue)
  // runs only in the server process, started from instrumentation.ts. pdfkit (the decision letter)
  // loads its built-in fonts at run time through a require of its own package files.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "file-type", "pg-boss", "pdfkit"],
  poweredByHeader: false,
  // The security headers that are the same on every response; the Content-Security-Policy,
  // which needs a nonce per request, is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
  experimental: {
    // No list of other origins: a server action is only accepted when its Origin is this host.
    // Both limits well above the largest document (lib/http/body-limit.ts): the proxy's own
    // default of 10 MiB cut uploads just under 10 MiB short, and the action then failed.
    serverActions: { bodySizeLimit: requestBodyLimitBytes },
    proxyClientMaxBodySize: requestBodyLimitBytes,
  },
};

export default withNextIntl(nextConfig);
