// `npm run db:generate-data -- --persons 100000 --testimonies 1000000 [--seed 1]`: fills the
// configured database (DATABASE_URL, or the PGlite folder) with synthetic records for benchmarks
// (scripts/synthetic). Meant for a fresh, dedicated database: the rows are invented and recognisable
// only by their synthetic-* account names. Prints progress and rows per second.
import { parseArgs } from 'node:util';
import { createDb, optionsFromEnv } from '../db/client';
import { generateSyntheticData } from './synthetic/run';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    testimonies: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
  },
});
const options = { persons: Number(values.persons), testimonies: Number(values.testimonies), seed: Number(values.seed) };
if (!Object.values(options).every(Number.isSafeInteger) || options.persons < 1 || options.testimonies < 0) {
  console.error('usage: npm run db:generate-data -- --persons N --testimonies N [--seed N]');
  process.exit(2);
}

const started = Date.now();
const log = (message: string) => console.info(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const handle = await createDb(optionsFromEnv());
try {
  const result = await generateSyntheticData(handle, options, log);
  log(`done: ${result.rows} rows in ${result.seconds.toFixed(0)} s (${Math.round(result.rows / result.seconds)} rows/s)`);
} finally {
  await handle.close();
}
