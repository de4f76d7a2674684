import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { securityCanaries } from './e2e/security/canaries';
import { e2eAuthSecret } from './e2e/support/app-server';
import { e2eDataDir } from './e2e/support/ports.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Another port gets its own data folder and build folder, so two runs can go on side by side.
const dataDir = e2eDataDir(port);
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
// `npm run test:security` (scripts/test-security.mjs): heavy load loops run too, every request
// carries the canary address and user agent, and the server's output is kept to be grepped.
const securityRun = process.env.YADMAN_SECURITY_RUN === '1';
const serverLog = process.env.YADMAN_SECURITY_SERVER_LOG;
const canary = (name: string) => securityCanaries.find((c) => c.name === name)!.value;

// Playwright cannot download browsers on our machines: use the system Chromium when there is one.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  // Bounded load loops (1,000 loads, floods): only in `npm run test:security`.
  testIgnore: securityRun ? [] : ['**/*.heavy.e2e.ts'],
  // One server with one embedded database (PGlite): tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        ...(securityRun
          ? {
              userAgent: `${devices['Desktop Chrome'].userAgent} ${canary('canary user agent')}`,
              extraHTTPHeaders: { 'X-Forwarded-For': canary('canary address') },
            }
          : {}),
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The production build, on a fresh data folder, served as in production (scripts/server.mjs:
    // Next behind the public cache). Locally an already running server is reused
    // (start one yourself with the same environment to iterate without rebuilding).
    // Served by scripts/server.mjs as `npm start` does (it hands the app the connection's address).
    // Between build and start, scripts/e2e-assert-untouched.mjs fails the run if the build created
    // the data folder: `next build` must never open the database.
    // E2E_PREBUILT: scripts/test-e2e.mjs built once already and runs this as one of its shards.
    command: `${process.env.E2E_PREBUILT === '1' ? '' : 'node scripts/e2e-assert-untouched.mjs --clean && npx next build && node scripts/e2e-assert-untouched.mjs && '}node scripts/server.mjs -p ${port}${serverLog ? ` > '${serverLog}' 2>&1` : ''}`,
    url: `${baseURL}/en`,
    reuseExistingServer: !process.env.CI,
    // Building on two busy cores (other runs, the security suite) can take several minutes.
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // Let the server release its database lock before the next run.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      ...(process.env as Record<string, string>),
      YADMAN_DATA_DIR: dataDir,
      NEXT_DIST_DIR: distDir,
      AUTH_SECRET: e2eAuthSecret,
      AUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // Every browser of the suite comes from one address (loopback, or the canary address) and
      // the demo accounts submit again and again: per-address and per-account allowances sized
      // for the suite. lib/abuse/limits.security.integration.test.ts tests the production defaults.
      LIMIT_SIGN_UP_ADDRESS: '10000',
      LIMIT_SIGN_IN_ADDRESS: '10000',
      LIMIT_SUBMISSION_ACCOUNT: '10000',
      LIMIT_SUBMISSION_ADDRESS: '10000',
      LIMIT_UPLOAD_ADDRESS: '10000',
      LIMIT_MESSAGE_ADDRESS: '10000',
      LIMIT_SEARCH_ADDRESS: '10000',
      LIMIT_ACTION_ADDRESS: '10000',
      LIMIT_OPEN_DATA_ADDRESS: '10000',
      // The suite fills forms faster than any person: no minimum wait. Challenges are still issued,
      // required and spent once; lib/abuse/challenge.security.integration.test.ts tests the wait.
      CHALLENGE_WAIT_SECONDS: '0',
      // A proof of work the test browsers solve at once (e2e/security/abuse.e2e.ts checks it is solved
      // and accepted); the production default is in lib/env.mjs.
      ALTCHA_MAX_NUMBER: '50',
      // "Leave quickly" goes here; e2e/journeys answers it in the browser, so nothing leaves the machine.
      QUICK_EXIT_URL: 'https://neutral.example/weather',
    },
  },
});
