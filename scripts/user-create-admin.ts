// `npm run user:create-admin -- <username>`: the first admin of a new installation. Prints a
// one-time setup link (valid 72 h) where that person chooses their own passphrase; the command
// itself never sees or prints a passphrase. Runs in plain Node: nothing here imports `server-only`.
import { closeDb, getDbHandle } from '../db/client';
import { createSetupInvitation } from '../lib/auth/invitations';
import { env } from '../lib/env.mjs';
import { AppError } from '../lib/errors';
import { usernameSchema } from '../lib/validation/account';

const usage = 'usage: npm run user:create-admin -- <username>';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1) {
    console.error(usage);
    return 2;
  }
  const parsed = usernameSchema.safeParse(args[0]);
  if (!parsed.success) {
    console.error('invalid username: use 3–32 letters, digits, dots, dashes or underscores (no spaces)');
    return 2;
  }
  const e = env();
  let handle;
  try {
    handle = await getDbHandle(); // applies pending migrations: works on a fresh database
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (e.databaseDriver === 'pglite' && message.includes('in use by process')) {
      // PGlite allows one process per folder; the running server holds it.
      console.error(`The embedded database (${e.dataDir}) is in use by the running server.\nStop the server, run this command again, then start the server.`);
      return 1;
    }
    throw error;
  }
  try {
    const invitation = await createSetupInvitation(handle.db, { username: parsed.data, locale: 'en' });
    const origin = e.AUTH_URL ? new URL(e.AUTH_URL).origin : `http://localhost:${process.env.PORT ?? 3000}`;
    console.info(`Setup link for admin "${parsed.data}" (works once, until ${invitation.expiresAt.toISOString()}):\n`);
    console.info(`  ${origin}${invitation.path}\n`);
    console.info('Open it to choose a passphrase, then sign in and set up two-factor authentication.');
    console.info('Treat the link like a password: anyone who opens it first becomes this admin.');
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      console.error(`the username "${parsed.data}" is already taken; choose another`);
      return 1;
    }
    throw error;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();
