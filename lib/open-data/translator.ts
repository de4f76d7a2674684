// Translations for route handlers (CSV labels, feeds, API docs) and markup made as strings (the
// public search results, lib/public-cache/search-shell.mjs). They run outside the page tree,
// so they load the catalogue themselves instead of relying on next-intl's request config; the same
// code then also runs in unit and matrix tests.
import { createTranslator } from 'next-intl';
import en from '@/lib/i18n/messages/en.json';
import fa from '@/lib/i18n/messages/fa.json';
import type { Locale } from '@/lib/i18n/routing';

// Loosely typed: the catalogues are edited by several people; messages.test.ts checks their keys.
const catalogues: Record<Locale, Record<string, unknown>> = { fa, en };

type Namespace = 'Statistics' | 'OpenData' | 'RateLimited' | 'Notifications' | 'Mirror' | 'Metadata' | 'Shell' | 'Languages' | 'Home' | 'Memorial' | 'Person' | 'Collection' | 'Search';
type Translate = (key: string, values?: Record<string, string | number>) => string;

// One translator per language and namespace for the life of the process: a translator keeps the
// messages it has parsed, so a fresh one per call (per page rendered: the static mirror renders
// 180,000) would parse every message again. The catalogues never change while it runs.
const translators = new Map<string, Translate>();

export function translatorFor(locale: Locale, namespace: Namespace): Translate {
  const id = `${locale}/${namespace}`;
  let translate = translators.get(id);
  if (!translate) {
    const t = createTranslator({ locale, messages: catalogues[locale] as never, namespace: namespace as never });
    translate = (key, values) => t(key as never, values as never) as string;
    translators.set(id, translate);
  }
  return translate;
}

/** The full translator of a namespace (with `has`, `rich`…), for components that take next-intl's own. */
export function namespaceTranslator(locale: Locale, namespace: 'Person') {
  return createTranslator({ locale, messages: catalogues[locale] as never, namespace: namespace as never });
}
