import 'server-only';
// Whether this render is the server's render of a submission step's shell (lib/forms-shell/step-shell.mjs):
// only the server's own loopback request has the nonce's placeholder, and only it knows the key.
// In a shell render the step page and the signed-in area show placeholders, never anyone's data:
// no session is read and no draft is opened.
import { headers } from 'next/headers';
import { cache } from 'react';
import { stepShellHeader, stepShellPlaceholders } from './step-shell.mjs';

export const stepShell = cache(async () => {
  const h = await headers();
  return stepShellPlaceholders(h.get('x-nonce'), h.get(stepShellHeader));
});
