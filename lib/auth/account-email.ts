// The account's optional contact e-mail, opened from its sealed column. Only two readers: the
// owner's account page, and the e-mail notice job (lib/notifications/email.ts). Never logged.
import { decryptField, fieldPurposes, unwrapDataKey } from '@/lib/crypto/envelope';
import { open, sealPurposes } from '@/lib/crypto/secret-box';

export function openAccountEmail(row: { emailEncrypted: string | null; dataKey: string | null }): string | null {
  if (!row.emailEncrypted) return null;
  try {
    // Before migration 0017 e-mails were sealed with the global key, and the account had no key.
    return row.dataKey ? decryptField(unwrapDataKey(row.dataKey, 'user'), row.emailEncrypted, fieldPurposes.email) : open(row.emailEncrypted, sealPurposes.email);
  } catch {
    // Sealed with another AUTH_SECRET (see README): treat as absent rather than fail.
    return null;
  }
}
