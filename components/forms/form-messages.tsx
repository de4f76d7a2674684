import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

type Tree = { [key: string]: string | Tree };

/**
 * Gives client form components only the catalogue namespaces they need (not the whole
 * catalogue), so the JavaScript sent to the browser stays small. A dotted name gives one message
 * or one part of a namespace (`Moderation.nothingToClaim`).
 */
export async function FormMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = (await getMessages()) as Tree;
  const messages: Tree = {};
  for (const name of ['Errors', 'Validation', 'FormGate', ...namespaces]) {
    const path = name.split('.');
    let from: string | Tree | undefined = all;
    let to = messages;
    for (const [i, part] of path.entries()) {
      from = typeof from === 'object' ? from[part] : undefined;
      if (from === undefined) break;
      if (i === path.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    }
  }
  return <NextIntlClientProvider messages={messages as never}>{children}</NextIntlClientProvider>;
}
