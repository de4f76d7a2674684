// Used by playwright.config.ts around `next build`: with --clean, removes the end-to-end data
// folder; without, fails if it exists — proof that the build did not open the database.
import fs from 'node:fs';

const folder = process.env.YADMAN_DATA_DIR ?? '.data-e2e';
if (process.argv.includes('--clean')) {
  fs.rmSync(folder, { recursive: true, force: true });
} else if (fs.existsSync(folder)) {
  console.error(`next build created ${folder}: the build opened the database`);
  process.exit(1);
}
