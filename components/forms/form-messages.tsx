import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

type Tree = { [key: string]: string | Tree };

/**
 * Gives client form components only the catalogue namespaces they need (not the whole
 * catalogue), so the JavaScript sent to the browser stays small. A dotted name gives one message
 * or one part of a namespace (`Moderation.nothingToClaim`). `common`: the namespaces given besides
 * `namespaces` (by default `everyForm`); a page whose forms read fewer names them (the catalogue
 * travels in the page, so every namespace given costs bytes before the first paint).
 */
/** What most forms read besides their own words: the action's errors, field checks, the form gate. */
const everyForm = ['Errors', 'Validation', 'FormGate'];

export async function FormMessages({ namespaces, common = everyForm, children }: { namespaces: string[]; common?: string[]; children: ReactNode }) {
  const all = (await getMessages()) as Tree;
  const messages: Tree = {};
  for (const name of [...common, ...namespaces]) {
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
