// Used by playwright.config.ts around `next build`: with --clean, removes the end-to-end data
// folder and the previous run's data cache (cached public pages of a database that no longer
// exists); without, fails if the data folder exists — proof that the build did not open the database.
import fs from 'node:fs';
import path from 'node:path';

const folder = process.env.YADMAN_DATA_DIR ?? '.data-e2e';
if (process.argv.includes('--clean')) {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(path.join(process.env.NEXT_DIST_DIR ?? '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });
} else if (fs.existsSync(folder)) {
  console.error(`next build created ${folder}: the build opened the database`);
  process.exit(1);
}
