// `npm run mirror:export -- --out DIR [--full] [--public-key FILE]`: writes (or updates) the static
// mirror of the published memorial in DIR (lib/mirror/export.ts). Then `npm run mirror:sign`.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, getDb } from '../db/client';
import { exportMirror } from '../lib/mirror/export';

const { values } = parseArgs({ options: { out: { type: 'string' }, full: { type: 'boolean' }, 'public-key': { type: 'string' } } });
if (!values.out) {
  console.error('usage: npm run mirror:export -- --out DIR [--full] [--public-key mirror.pub]');
  process.exit(2);
}
try {
  const publicKey = values['public-key'] ? fs.readFileSync(values['public-key'], 'utf8') : null;
  const result = await exportMirror(await getDb(), { out: values.out, full: values.full, publicKey, log: (m) => console.info(m) });
  console.info(
    `mirror written to ${values.out}: ${result.persons} persons (${result.reread} read), ${result.testimonies} testimonies, ` +
      `${result.files} files (${result.written} written, ${result.removed} removed), search index ${result.indexBytes} bytes, ${(result.ms / 1000).toFixed(1)} s`,
  );
} finally {
  await closeDb();
}
