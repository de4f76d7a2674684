// `npm run db:backup [-- <folder>]`: the configured database (DATABASE_URL, or the PGlite folder
// YADMAN_DATA_DIR — stop the server first) and the uploaded files (the local media folder, or the
// S3 bucket's when S3_BUCKET is set), into a new folder
// (default backups/yadman-<time>). See scripts/backup/backup.ts and README "Backups".
import path from 'node:path';
import { env } from '../lib/env.mjs';
import { backup } from './backup/backup';
import { mediaStore } from '../lib/media/storage';

const e = env();
const out = path.resolve(process.argv[2] ?? `backups/yadman-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const source = e.DATABASE_URL ? ({ driver: 'postgres', url: e.DATABASE_URL } as const) : ({ driver: 'pglite', dataDir: e.dataDir } as const);
const manifest = await backup(source, out, e.S3_BUCKET ? { store: await mediaStore() } : { dataDir: e.dataDir });
const rows = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
console.info(`backup written to ${out} (${manifest.driver}, ${rows} rows in ${Object.keys(manifest.rowCounts).length} tables, media ${manifest.media ? `included, from ${e.S3_BUCKET ? 'the S3 bucket' : 'the media folder'}` : 'none'})`);
console.info('AUTH_SECRET is not in the backup: keep it separately, or sealed fields cannot be read after a restore.');
