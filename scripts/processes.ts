/**
 * `npm run start:processes`: the production build as several identical server processes
 * on one machine, behind one address that hands each request to the next process in turn
 * (decision 041). This is how a deployment grows, and how one machine uses more than one
 * core: nothing the portal keeps may live in one process's memory.
 *
 * Environment: PORT (default 3000) for the shared address, PROCESSES (default 2),
 * HOSTNAME (default 127.0.0.1). Process i listens on PORT + i; the shared address starts
 * listening once every process answers. Every answer says which process gave it
 * (`x-doorbraak-process`), so that the end-to-end tests can see both at work. The build
 * must be made first (`npm run build`). On SIGINT or SIGTERM every process is stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { createProxyServer } from "http-proxy-3";

const port = Number(process.env.PORT ?? 3000);
const count = Number(process.env.PROCESSES ?? 2);
const host = process.env.HOSTNAME ?? "127.0.0.1";
if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error(`PROCESSES must be a whole number from 1 to 16, not ${process.env.PROCESSES}`);

const backends = Array.from({ length: count }, (_, i) => ({ index: i + 1, port: port + i + 1, served: 0 }));
const children: ChildProcess[] = backends.map((b) =>
  // `npm start` itself, so that each process gets the same Node options (heap limit) as a single one.
  spawn("npm", ["start", "--", "-H", host, "-p", String(b.port)], { stdio: "inherit", env: process.env }),
);

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  console.log(`[processes] requests served: ${backends.map((b) => `process ${b.index}: ${b.served}`).join(", ")}`);
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((resolve) => c.once("exit", resolve)) : null))).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const child of children) {
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`[processes] a server process stopped (exit ${code}); stopping the others`);
      stop(1);
    }
  });
}

/** Whether a process answers its health check; the shared address opens only when all do. */
async function answers(backendPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host, port: backendPort, path: "/health", timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => request.destroy());
  });
}

async function main(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const b of backends) {
    while (!(await answers(b.port))) {
      if (stopping) return;
      if (Date.now() > deadline) throw new Error(`server process ${b.index} did not answer on port ${b.port} within two minutes`);
      await delay(250);
    }
  }

  // The client's own Host header goes through unchanged (Auth.js and the server actions' origin check
  // compare against it); X-Forwarded-For carries the client's address for rate limits and the audit trail.
  // Connections to the processes are kept open and reused, as a browser's are: without that, every
  // request would open one, and the process would answer "Connection: close" to the browser too.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 120_000, agent });
  let next = 0;
  proxy.on("proxyRes", (proxyRes, req) => {
    const index = (req as http.IncomingMessage & { backend?: number }).backend;
    if (index !== undefined) proxyRes.headers["x-doorbraak-process"] = String(index);
  });
  proxy.on("error", (error, _req, res) => {
    console.error("[processes]", error.message);
    if (res && "writeHead" in res && !res.headersSent) {
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("De portal is even niet bereikbaar. Probeer het over een minuut opnieuw.");
    }
  });
  const server = http.createServer((req, res) => {
    const backend = backends[next]!;
    next = (next + 1) % backends.length;
    backend.served += 1;
    (req as http.IncomingMessage & { backend?: number }).backend = backend.index;
    proxy.web(req, res, { target: `http://${host}:${backend.port}` });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, host, () => console.log(`[processes] ${count} processes behind http://${host}:${port}`));
}

main().catch((error: unknown) => {
  console.error("[processes]", error instanceof Error ? error.message : error);
  stop(1);
});
