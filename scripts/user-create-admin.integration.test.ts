// `npm run user:create-admin` as a person runs it on a new installation: a fresh PostgreSQL
// database (when TEST_DATABASE_URL is set) and a fresh embedded data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, testDatabases } from '@/lib/testing/databases';

const root = path.resolve(import.meta.dirname, '..');

function runCommand(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/user-create-admin.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), AUTH_URL: 'https://yadman.example', ...env },
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

type Target = { name: string; driver: 'pglite' | 'postgres'; prepare: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> };
const allTargets: Target[] = [
  {
    name: 'a fresh embedded data folder',
    driver: 'pglite',
    prepare: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yadman-admin-'));
      return { env: { YADMAN_DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'a fresh PostgreSQL database',
    driver: 'postgres',
    prepare: async () => {
      const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
      return { env: { DATABASE_URL: database.url }, cleanup: database.drop };
    },
  },
];
// The targets of this run (lib/testing/databases.ts): PostgreSQL only when TEST_DATABASE_URL is set.
const targets = allTargets.filter((t) => testDatabases().some((d) => d.name === t.driver));

describe.each(targets)('user:create-admin on $name', ({ prepare }) => {
  it('migrates, prints a one-time setup link, refuses bad input', async () => {
    const { env, cleanup } = await prepare();
    try {
      const first = runCommand(['--', 'first-admin'], env);
      expect(first.status, first.out).toBe(0);
      expect(first.out).toMatch(/https:\/\/yadman\.example\/en\/invite\/[A-Za-z0-9_-]{43}\n/);
      expect(first.out).not.toMatch(/passphrase:/i);

      expect(runCommand(['no spaces allowed'], env).status).toBe(2);
      expect(runCommand([], env).status).toBe(2);
    } finally {
      await cleanup();
    }
  });
});
