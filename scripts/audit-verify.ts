// `npm run audit:verify`: walks the whole hash-chained audit log (PRODUCT.md §2.7) and exits 1
// naming the first entry that was altered, removed or inserted out of chain. Stop the server
// first when using PGlite (one process per data folder).
//
// `npm run audit:verify -- --checkpoint FILE [--public-key BASE64]`: also proves the chain extends
// the signed checkpoints in FILE (saved earlier from /api/v1/audit/checkpoints, by anyone), so a
// cut-off tail or a chain rebuilt after a deletion is detected (lib/audit/checkpoint.ts). FILE's own
// key is used unless --public-key names the key the installation published.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, getDbHandle } from '../db/client';
import { describeCheckpointVerification, keyIdOf, parseCheckpointFile, verifyAgainstCheckpoints } from '../lib/audit/checkpoint';
import { auditVerifyReport } from '../lib/audit/report';

const { values } = parseArgs({ options: { checkpoint: { type: 'string' }, 'public-key': { type: 'string' } } });

let file;
if (values.checkpoint) {
  try {
    file = parseCheckpointFile(fs.readFileSync(values.checkpoint, 'utf8'));
  } catch (error) {
    console.error(`${values.checkpoint}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (values['public-key']) {
    if (values['public-key'] !== file.publicKey) console.warn(`the file names key ${keyIdOf(file.publicKey)}; checking with the key given, ${keyIdOf(values['public-key'])}`);
    file = { ...file, publicKey: values['public-key'] };
  }
}

const handle = await getDbHandle();
try {
  const report = file ? describeCheckpointVerification(await verifyAgainstCheckpoints(handle.db, file), keyIdOf(file.publicKey)) : await auditVerifyReport(handle.db);
  (report.exitCode === 0 ? console.info : console.error)(report.message);
  process.exitCode = report.exitCode;
} finally {
  await closeDb();
}
