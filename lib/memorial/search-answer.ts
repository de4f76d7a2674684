// The app's answer to a search the public cache splices into the search page's shell
// (lib/public-cache/search-fast.mjs), handed to the cache by instrumentation.ts: what proxy.ts and
// the search page do for that URL, without a request through Next. The same limit per hashed
// address, counted and refused as proxy.ts does (and failing open as it does); the same query on
// the same public-read connections; the same markup (components/memorial/search-results.ts); and
// the public data version, read by the count's own statement, for the cache to key the page by.
import { requestAddressKey } from '@/lib/abuse/address';
import { clientAddressHeader } from '@/lib/abuse/client-address.mjs';
import { countPublicRead, holdRefusal, limitedRead, publicReadSurelyAllowed } from '@/lib/abuse/public-reads';
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
  // The count comes first, so a refused read costs the database nothing; when this process knows
  // the address has room left, the query runs beside it (one round trip less per search). Fails
  // open as proxy.ts does: without its count, the version is read on its own.
  const beside = read !== null && publicReadSurelyAllowed(read, addressKey);
  const counting = read ? countPublicRead(db, read, addressKey).catch(() => null) : Promise.resolve(null);
  const searching = beside ? listPublishedPersons(db, query) : null;
  searching?.catch(() => {});
  const counted = await counting;
  if (counted?.wait) {
    await holdRefusal();
    const refusal = rateLimitedResponse({ locale, seconds: counted.wait, again: url.pathname + url.search, head });
    return { refused: { status: refusal.status, headers: [...refusal.headers], body: Buffer.from(await refusal.arrayBuffer()) } };
  }
  const [result, version] = await Promise.all([searching ?? listPublishedPersons(db, query), counted?.version ?? readPublicDataVersion(db)]);
  return { query: query.q ?? '', results: searchResultsHtml({ locale, query, result }).value, version };
}
