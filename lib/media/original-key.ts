// Each kept original has its own data key (lib/crypto/envelope.ts), stored wrapped on its
// attachment row and cleared when the original is deleted: a copy that outlives its deletion (a
// bucket's old version, a backup of the media folder) can no longer be opened.
import type { Transform } from 'node:stream';
import { createDataKey, createFileOpenStream, createFileSealStream, fieldPurposes, unwrapDataKey } from '@/lib/crypto/envelope';
import { createOpenStream, sealPurposes } from '@/lib/crypto/secret-box';

/** A new original's sealing stream and the wrapped key to store on its row. */
export function sealNewOriginal(): { seal: Transform; dataKey: string } {
  const { key, wrapped } = createDataKey('attachment');
  return { seal: createFileSealStream(key, fieldPurposes.original), dataKey: wrapped };
}

/** A stream that opens a stored original (one from before migration 0017 has the global key). */
export function openOriginal(row: { dataKey: string | null }): Transform {
  if (!row.dataKey) return createOpenStream(sealPurposes.mediaOriginal);
  return createFileOpenStream(unwrapDataKey(row.dataKey, 'attachment'), fieldPurposes.original);
}
