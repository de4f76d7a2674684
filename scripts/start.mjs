#!/usr/bin/env node
// `npm start`: build once if needed, then serve the production build (scripts/server.mjs: Next
// behind the public cache).
// On the embedded database (no DATABASE_URL) a newcomer has no .env: this creates a
// per-installation AUTH_SECRET in the data folder (mode 0600) so sessions survive restarts, and
// takes http://localhost:PORT as the public URL. Deployments on PostgreSQL must set AUTH_SECRET
// and AUTH_URL themselves; the app refuses to start without them.
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../lib/env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const config = parseEnv(process.env);
// Next's anonymous telemetry would be a request to a third party (PRODUCT.md §2.2).
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!config.AUTH_SECRET && config.databaseDriver === 'pglite') {
  childEnv.AUTH_SECRET = readOrCreateSecret(path.join(config.dataDir, 'secrets', 'auth-secret'));
}

const port = process.env.PORT ?? '3000';
if (!config.AUTH_URL && config.databaseDriver === 'pglite') childEnv.AUTH_URL = `http://localhost:${port}`;

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || process.argv.includes('--rebuild')) {
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// scripts/server.mjs, not `next start`: the public cache, and the connection's address (issue 17).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs'), '-p', port], { cwd: root, stdio: 'inherit', env: childEnv });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

/** @param {string} file */
function readOrCreateSecret(file) {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(33).toString('base64');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
