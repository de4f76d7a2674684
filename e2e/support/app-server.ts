// A second server (scripts/server.mjs, as `npm start` runs it) of the production build the Playwright webServer made (same NEXT_DIST_DIR,
// so nothing is built twice), on its own port and database, for tests that stop, kill or restart
// the server or its database (outage, crash safety). Loopback only.
import { type ChildProcess, spawn } from 'node:child_process';

/** The Playwright webServer's secret too: a second server reads what the first one encrypted. */
export const e2eAuthSecret = 'e2e-only-secret-not-for-production-0123456789';

export type AppServer = {
  baseURL: string;
  /** Starts the server; resolves when /api/health answers 200 (bounded by `timeoutMs`). */
  start(timeoutMs?: number): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** Everything the server printed (to check that no stack trace or query reached the user, or a log). */
  output(): string;
};

export function appServer(port: number, env: Record<string, string>): AppServer {
  const baseURL = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => c.once('exit', () => resolve()));
  const server: AppServer = {
    baseURL,
    async start(timeoutMs = 180_000) {
      // The server binds the port directly (no npx wrapper), so a SIGKILL reaches the server itself.
      const started = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
        env: {
          ...process.env,
          NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
          AUTH_SECRET: e2eAuthSecret,
          AUTH_URL: baseURL,
          NEXT_TELEMETRY_DISABLED: '1',
          // As the Playwright webServer: forms may be posted at once after the page (lib/abuse/challenge.ts).
          CHALLENGE_WAIT_SECONDS: '0',
          // As the Playwright webServer: the suite posts forms faster than any person (a test may lower it).
          LIMIT_ACTION_ADDRESS: '10000',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (started.exitCode !== null) throw new Error(`the server exited (${started.exitCode}):\n${output.slice(-2000)}`);
        const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
    async kill() {
      if (!child) return;
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
    async stop() {
      if (!child) return;
      const done = exited(child);
      child.kill('SIGTERM');
      await done;
    },
    output: () => output,
  };
  return server;
}
