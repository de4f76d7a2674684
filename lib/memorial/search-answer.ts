// The app's answer to a search the public cache splices into the search page's shell
// (lib/public-cache/search-fast.mjs), handed to the cache by instrumentation.ts: what proxy.ts and
// the search page do for that URL, without a request through Next. The same limit per hashed
// address, counted and refused as proxy.ts does (and failing open as it does); the same query on
// the same public-read connections; the same markup (components/memorial/search-results.ts); and
// the public data version, read by the count's own statement, for the cache to key the page by.
import { requestAddressKey } from '@/lib/abuse/address';
import { clientAddressHeader } from '@/lib/abuse/client-address.mjs';
import { countPublicRead, holdRefusal, limitedRead } from '@/lib/abuse/public-reads';
import type { Db } from '@/db/types';
import type { SearchAnswer, SearchAsk } from '@/lib/public-cache/search-source.mjs';
import { rateLimitedResponse } from '@/lib/security/rate-limited-page';
import { searchResultsHtml } from '@/components/memorial/search-results';
import { parsePersonQuery, personQueryNames } from './query';
import { listPublishedPersons } from './search';
import { readPublicDataVersion } from './version';

export async function answerSearch(db: Db, { locale, query: search, address, head }: SearchAsk): Promise<SearchAnswer> {
  const url = new URL(`/${locale}/search?${search}`, 'http://localhost');
  const query = { ...parsePersonQuery(url.searchParams), locale };
  // Only the common shape, a text and/or a page (the form's empty fields are none): the filters,
  // sorts and page sizes the form shows, and parameters the page does not know, are rendered.
  if ([...url.searchParams.keys()].some((name) => !personQueryNames.includes(name))) return { declined: true };
  if (Object.keys(query).some((name) => name !== 'q' && name !== 'cursor' && name !== 'locale')) return { declined: true };
  const read = limitedRead(head ? 'HEAD' : 'GET', url);
  const addressKey = requestAddressKey(new Headers(address ? { [clientAddressHeader]: address } : {}));
  // The count comes first, so a refused read costs the database nothing, and it reads the public
  // data version the cache keys the page by. The query starts only once the count has answered: its
  // snapshot is then at least as new as that version, so a page kept under a version never lacks a
  // change committed before it (a withdrawal committed between a query run beside its count and the
  // count's read would have left the old results kept under the new version). Fails open as proxy.ts
  // does: without its count, the version is read on its own, before the query.
  const counted = read ? await countPublicRead(db, read, addressKey).catch(() => null) : null;
  if (counted?.wait) {
    await holdRefusal();
    const refusal = rateLimitedResponse({ locale, seconds: counted.wait, again: url.pathname + url.search, head });
    return { refused: { status: refusal.status, headers: [...refusal.headers], body: Buffer.from(await refusal.arrayBuffer()) } };
  }
  const version = counted?.version ?? (await readPublicDataVersion(db));
  const result = await listPublishedPersons(db, query);
  return { query: query.q ?? '', results: searchResultsHtml({ locale, query, result }).value, version };
}
