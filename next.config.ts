import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
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
    // Documents may be 10 MB (MAX_DOCUMENT_BYTES in lib/domain/documents.ts); a little more for the form around them.
    // No list of other origins: a server action is only accepted when its Origin is this host.
    serverActions: { bodySizeLimit: "11mb" },
  },
};

export default withNextIntl(nextConfig);
