/**
 * Load runs with autocannon, with every response time kept (its summary has no p95),
 * and the resident memory of a process tree sampled while they run.
 */
import type { EventEmitter } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

/** What a correct answer looks like; anything else counts as an error. */
export type Expectation = {
  status: number;
  /** The Location header of a redirect */
  location?: RegExp;
  /** Checked on the response body; only for small answers (the body is then buffered) */
  body?: RegExp;
};

export type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Called for every request, e.g. to send a new submission each time */
  vary?: () => { path?: string; body: string | Buffer };
};

export type Sample = {
  /** Response times in milliseconds, sorted */
  latencies: number[];
  /** Wrong status, wrong redirect or body, socket errors and timeouts */
  errors: number;
  errorKinds: Record<string, number>;
  statusCodes: Record<string, number>;
  seconds: number;
};

export type RunLength = { seconds: number } | { amount: number };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value[0] : value;
}

/** One autocannon run against origin + request.path at the given number of connections. */
export function loadRun(origin: string, request: LoadRequest, expect: Expectation, connections: number, length: RunLength): Promise<Sample> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  const fail = (kind: string) => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const checksContent = expect.location !== undefined || expect.body !== undefined;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const instance = autocannon(
      {
        url: origin,
        connections,
        ...("seconds" in length ? { duration: length.seconds } : { amount: length.amount }),
        timeout: 30,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            body: request.body,
            ...(request.vary
              ? {
                  setupRequest: (req: autocannon.Request) => {
                    const varied = request.vary!();
                    return { ...req, path: varied.path ?? req.path, body: varied.body };
                  },
                }
              : {}),
            ...(checksContent
              ? {
                  onResponse: (status: number, body: string, _context: object, headers: autocannon.Request["headers"]) => {
                    if (status !== expect.status) return; // counted below
                    const location = header(headers ?? {}, "location") ?? "";
                    if (expect.location && !expect.location.test(location)) fail(`redirect to ${location.split("?")[0] || "(none)"}`);
                    else if (expect.body && !expect.body.test(body)) fail("unexpected body");
                  },
                }
              : {}),
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        if (result.errors > 0) errorKinds["socket error or timeout"] = result.errors;
        latencies.sort((a, b) => a - b);
        const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
        resolve({ latencies, errors, errorKinds, statusCodes, seconds: (performance.now() - started) / 1000 });
      },
    );
    // autocannon 9 emits (client, statusCode, bytes, responseTime); its published types omit the client.
    (instance as unknown as EventEmitter).on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode !== expect.status) fail(`status ${statusCode}`);
    });
  });
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ───────────────────────── memory ─────────────────────────

function parentOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields after it start after the last ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

function residentKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
export function treeResidentKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += residentKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples a process tree's resident memory on a timer; keeps the peak overall and since the last mark. */
export class MemorySampler {
  peakKb = 0;
  peakSinceMarkKb = 0;
  samples = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly root: number) {}

  start(everyMs = 250): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): number {
    const kb = treeResidentKb(this.root);
    this.samples++;
    this.peakKb = Math.max(this.peakKb, kb);
    this.peakSinceMarkKb = Math.max(this.peakSinceMarkKb, kb);
    return kb;
  }

  /** Starts a new section (a scenario); answers the peak of the section that ends. */
  mark(): number {
    const peak = Math.max(this.peakSinceMarkKb, this.sample());
    this.peakSinceMarkKb = 0;
    return peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
