// A fresh PostgreSQL database for one test file or one e2e server (no vitest import: e2e uses it too).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** Creates `<prefix>_<random>` on the server of `adminUrl`; `drop` removes it. */
export async function createPostgresDatabase(adminUrl: string, prefix = 'yadman_t') {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      try {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
