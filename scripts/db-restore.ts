// `npm run db:restore -- <folder>`: restores a backup made by `npm run db:backup` into the
// configured database, which must be empty (PostgreSQL: a new database; PGlite: a YADMAN_DATA_DIR
// without a database, server stopped). Checks the restored row counts against the backup's.
import path from 'node:path';
import { env } from '../lib/env.mjs';
import { restore } from './backup/backup';
import { mediaStore } from '../lib/media/storage';
import { mediaTempRoot } from '../lib/media/temp';

const from = process.argv[2];
if (!from) {
  console.error('usage: npm run db:restore -- <backup folder>');
  process.exit(2);
}
const e = env();
const target = e.DATABASE_URL ? ({ driver: 'postgres', url: e.DATABASE_URL } as const) : ({ driver: 'pglite', dataDir: e.dataDir } as const);
// With S3_BUCKET set the files go into that bucket (which must hold none yet), else into YADMAN_DATA_DIR/media.
const counts = await restore(path.resolve(from), target, e.S3_BUCKET ? { store: await mediaStore(), stagingDir: mediaTempRoot() } : { dataDir: e.dataDir });
const rows = Object.values(counts).reduce((a, b) => a + b, 0);
console.info(`restored ${rows} rows in ${Object.keys(counts).length} tables (${target.driver}); row counts match the backup.`);
console.info('Start the server with the AUTH_SECRET of the backed-up installation.');
