// The app's answer to a search the public cache splices into the search page's shell
// (lib/public-cache/search-fast.mjs), handed to the cache by instrumentation.ts: what proxy.ts and
// the search page do for that URL, without a request through Next. The same limit per hashed
// address, counted and refused as proxy.ts does (and fails open as it does); the same query on the
// same public-read connections; the same markup (components/memorial/search-results.ts).
import { requestAddressKey } from '@/lib/abuse/address';
import { clientAddressHeader } from '@/lib/abuse/client-address.mjs';
import { holdRefusal, limitedRead, publicReadWait } from '@/lib/abuse/public-reads';
import { withDb } from '@/lib/db';
import type { SearchAnswer, SearchAsk } from '@/lib/public-cache/search-source.mjs';
import { rateLimitedResponse } from '@/lib/security/rate-limited-page';
import { searchResultsHtml } from '@/components/memorial/search-results';
import { parsePersonQuery } from './query';
import { listPublishedPersons } from './search';

export async function answerSearch({ locale, query: search, address, head }: SearchAsk): Promise<SearchAnswer> {
  const url = new URL(`/${locale}/search?${search}`, 'http://localhost');
  const read = limitedRead(head ? 'HEAD' : 'GET', url);
  if (read) {
    const headers = new Headers(address ? { [clientAddressHeader]: address } : {});
    const seconds = await withDb(publicReadWait, read, requestAddressKey(headers)).catch(() => 0);
    if (seconds) {
      await holdRefusal();
      const refusal = rateLimitedResponse({ locale, seconds, again: url.pathname + url.search, head });
      return { refused: { status: refusal.status, headers: [...refusal.headers], body: Buffer.from(await refusal.arrayBuffer()) } };
    }
  }
  const query = { ...parsePersonQuery(url.searchParams), locale };
  const result = await withDb(listPublishedPersons, query);
  return { query: query.q ?? '', results: searchResultsHtml({ locale, query, result }).value };
}
