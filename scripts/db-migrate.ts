// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
// the PGlite folder YADMAN_DATA_DIR). The server also migrates on start; this is for deployments
// that want migrations as a separate step. Stop the server first when using PGlite (single process).
import { closeDb, getDbHandle } from '../db/client';

const handle = await getDbHandle();
console.info(`migrations applied (${handle.driver})`);
await closeDb();
