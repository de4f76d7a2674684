import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * Gives client form components only the catalogue namespaces they need (not the whole
 * catalogue), so the JavaScript sent to the browser stays small.
 */
export async function FormMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(['Errors', 'Validation', 'FormGate', ...namespaces].map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}
