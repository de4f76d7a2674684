// `AUTH_SECRET_PREVIOUS=<old> AUTH_SECRET=<new> npm run secret:rotate`: moves every key and sealed
// value at rest from the previous AUTH_SECRET to the new one (scripts/crypto/rotate-secret.ts; README
// "Rotating the secret"). Stop every server first; safe to run again after an interruption.
import { closeDb, getDbHandle } from '../db/client';
import { rotateSecret } from './crypto/rotate-secret';
import { env } from '../lib/env.mjs';
import { mediaStore } from '../lib/media/storage';

const from = process.env.AUTH_SECRET_PREVIOUS ?? '';
const to = env().AUTH_SECRET ?? '';
if (!from || !to || from === to) {
  console.error('usage: AUTH_SECRET_PREVIOUS=<old secret> AUTH_SECRET=<new secret> npm run secret:rotate (two different secrets)');
  process.exit(2);
}
const handle = await getDbHandle();
try {
  const report = await rotateSecret(handle.db, await mediaStore(), { from, to });
  let unreadable = 0;
  for (const [what, c] of Object.entries(report.counts)) {
    console.info(`${what}: ${c.moved} moved to the new secret, ${c.already} already under it, ${c.unreadable} opening with neither`);
    unreadable += c.unreadable;
  }
  if (unreadable > 0) console.error(`${unreadable} values open with neither secret: they were unreadable before this run and are left as they are.`);
  else console.info('Done. Start the servers with the new AUTH_SECRET; everyone signs in again.');
  process.exitCode = unreadable > 0 ? 1 : 0;
} finally {
  await closeDb();
}
