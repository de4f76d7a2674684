// A test file's own second server (e2e/support/app-server.ts), kept apart from that module because
// playwright.config.ts imports it and must not load the test fixtures.
import fs from 'node:fs';
import { test } from '../fixtures';
import type { AppServer } from './app-server';

/**
 * Runs the file's tests one after another against `server`, started on a fresh `dataDir` before
 * them (a cold start on a busy machine is slow) and stopped, its folder removed, after them.
 */
export function serveDuringFile(server: AppServer, dataDir: string) {
  test.describe.configure({ mode: 'serial' });
  test.use({ baseURL: server.baseURL });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await server.start(200_000);
  });
  test.afterAll(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}
