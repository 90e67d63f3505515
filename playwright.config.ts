import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
/** Set E2E_BASE_URL to run against a portal that is already running (e.g. `npm run demo`). */
const externalBaseUrl = process.env.E2E_BASE_URL;
/**
 * With E2E_PROCESSES (2 or more), the portal runs as that many processes behind one address
 * (`npm run start:processes`, decision 041), and the journeys that carry state from one
 * request to the next run against it: each request goes to the next process in turn.
 */
const processes = Number(process.env.E2E_PROCESSES ?? 1);
const acrossProcesses = [
  "processes/*.spec.ts",
  "journey.spec.ts",
  "sign-out.spec.ts",
  "sign-in-lockout.spec.ts",
  "two-factor.spec.ts",
  "demo-mailbox.spec.ts",
  "organisation-task.spec.ts",
];

/**
 * End-to-end tests run in Debian's Chromium (Playwright cannot download its
 * own browsers here) against `next start`, on the database that
 * scripts/test.ts prepared.
 */
export default defineConfig({
  testDir: "tests/e2e",
  ...(processes > 1 ? { testMatch: acrossProcesses } : { testIgnore: ["processes/**"] }),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
    command: processes > 1 ? "npm run start:processes" : `npm start -- -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: processes > 1 ? 180_000 : 60_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: `http://127.0.0.1:${port}`, PORT: String(port), PROCESSES: String(processes) },
  },
});
