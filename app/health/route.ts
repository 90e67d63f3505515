/**
 * A plain answer for load balancers and uptime checks. Rendered once at build time and
 * served from the build output, so it also marks the fastest a request to this app can
 * be: `npm run bench` reports every page against it (docs/benchmarks.md).
 */
export const dynamic = "force-static";

export function GET(): Response {
  return new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
