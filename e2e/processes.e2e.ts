import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

// Two production servers, each on its own embedded database folder, run side by side without
// sharing or corrupting anything (PGlite has no multi-process protection of its own).
const servers = [
  { port: 3101, dataDir: '.data-e2e-a' },
  { port: 3102, dataDir: '.data-e2e-b' },
];

function startServer(port: number, dataDir: string): ChildProcess {
  fs.rmSync(dataDir, { recursive: true, force: true });
  return spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    env: { ...process.env, YADMAN_DATA_DIR: dataDir, AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
}

async function waitForHealth(port: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/api/health`);
      if (response.ok) return (await response.json()) as { status: string; driver: string };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server on port ${port} did not become healthy`);
}

test.describe('two server processes on different data folders', () => {
  test.setTimeout(120_000);
  const children: ChildProcess[] = [];

  test.afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const { dataDir } of servers) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('both serve at once, each holding the lock of its own folder only', async ({ request }) => {
    for (const { port, dataDir } of servers) children.push(startServer(port, dataDir));
    const health = await Promise.all(servers.map(({ port }) => waitForHealth(port)));
    expect(health.map((h) => [h.status, h.driver])).toEqual([
      ['ok', 'pglite'],
      ['ok', 'pglite'],
    ]);

    const lockOwners = servers.map(({ dataDir }) => fs.readFileSync(path.join(dataDir, 'yadman.lock'), 'utf8'));
    expect(lockOwners[0]).not.toEqual(lockOwners[1]);

    // Stopping one leaves the other serving pages from its own database.
    children[0]!.kill('SIGTERM');
    await expect.poll(() => fs.existsSync(path.join(servers[0]!.dataDir, 'yadman.lock')), { timeout: 10_000 }).toBe(false);
    const page = await request.get(`http://localhost:${servers[1]!.port}/en`);
    expect(page.status()).toBe(200);
    expect((await waitForHealth(servers[1]!.port)).status).toBe('ok');
  });
});
