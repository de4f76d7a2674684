// `npm run audit:verify`: walks the whole hash-chained audit log (PRODUCT.md §2.7) and exits 1
// naming the first entry that was altered, removed or inserted out of chain. Stop the server
// first when using PGlite (one process per data folder).
import { closeDb, getDbHandle } from '../db/client';
import { auditVerifyReport } from '../lib/audit/report';

const handle = await getDbHandle();
try {
  const report = await auditVerifyReport(handle.db);
  (report.exitCode === 0 ? console.info : console.error)(report.message);
  process.exitCode = report.exitCode;
} finally {
  await closeDb();
}
