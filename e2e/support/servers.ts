// A second production server for tests that need their own database (seeded differently, on
// PostgreSQL, or to be stopped and started): the build the Playwright web server made, started
// with `next start` on loopback with the environment given.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const e2eAuthSecret = 'e2e-only-secret-not-for-production-0123456789';

export function startNextServer(port: number, env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: e2eAuthSecret, ...env },
    stdio: 'ignore',
  });
}

/** Polls `url` until it answers 2xx; fails if the server exits or the deadline passes. */
export async function waitUntilServing(url: string, server?: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`the server for ${url} exited (${server.exitCode})`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start serving`);
}

export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
