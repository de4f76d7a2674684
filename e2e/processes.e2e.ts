import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { type AppServer, appServer } from './support/app-server';
import { extraServerPort } from './support/ports.mjs';

// Two production servers, each on its own embedded database folder, run side by side without
// sharing or corrupting anything (PGlite has no multi-process protection of its own).
const basePort = extraServerPort('processes');
const servers = [
  { port: basePort, dataDir: `.data-e2e-${basePort}-a` },
  { port: basePort + 1, dataDir: `.data-e2e-${basePort}-b` },
];

function startServer(port: number, dataDir: string): AppServer {
  fs.rmSync(dataDir, { recursive: true, force: true });
  return appServer(port, { YADMAN_DATA_DIR: dataDir });
}

async function health(server: AppServer) {
  return (await (await fetch(`${server.baseURL}/api/health`)).json()) as { status: string; driver: string };
}

test.describe('two server processes on different data folders', () => {
  test.setTimeout(120_000);
  const children: AppServer[] = [];

  test.afterAll(async () => {
    await Promise.all(children.map((child) => child.stop()));
    for (const { dataDir } of servers) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('both serve at once, each holding the lock of its own folder only', async ({ request }) => {
    for (const { port, dataDir } of servers) children.push(startServer(port, dataDir));
    await Promise.all(children.map((child) => child.start(60_000)));
    const answers = await Promise.all(children.map(health));
    expect(answers.map((h) => [h.status, h.driver])).toEqual([
      ['ok', 'pglite'],
      ['ok', 'pglite'],
    ]);

    const lockOwners = servers.map(({ dataDir }) => fs.readFileSync(path.join(dataDir, 'yadman.lock'), 'utf8'));
    expect(lockOwners[0]).not.toEqual(lockOwners[1]);

    // Stopping one leaves the other serving pages from its own database.
    await children[0]!.stop();
    await expect.poll(() => fs.existsSync(path.join(servers[0]!.dataDir, 'yadman.lock')), { timeout: 10_000 }).toBe(false);
    const page = await request.get(`${children[1]!.baseURL}/en`);
    expect(page.status()).toBe(200);
    expect((await health(children[1]!)).status).toBe('ok');
  });
});
