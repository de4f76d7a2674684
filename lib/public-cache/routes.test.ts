import { describe, expect, it } from 'vitest';
import { cacheKey, isTextSearch } from './routes.mjs';

describe('which requests the public cache answers', () => {
  it('keeps public documents fetched as plain GETs, by their path and query as sent', () => {
    expect(cacheKey('GET', '/fa/persons/x-1?after=2', {})).toBe('/fa/persons/x-1?after=2');
    expect(cacheKey('HEAD', '/en/search?q=Reza', {})).toBe('/en/search?q=Reza');
    expect(cacheKey('GET', '/api/v1/persons', {})).toBe('/api/v1/persons');
  });

  it('leaves accounts, posts, client navigations and the language redirect to Next', () => {
    expect(cacheKey('GET', '/en/my-testimonies', {})).toBeNull();
    expect(cacheKey('POST', '/en/search', {})).toBeNull();
    expect(cacheKey('GET', '/en/search', { rsc: '1' })).toBeNull();
    expect(cacheKey('GET', '/en/search?_rsc=abc', {})).toBeNull();
    expect(cacheKey('GET', '/', {})).toBeNull();
    expect(cacheKey('GET', '//evil.example/en', {})).toBeNull();
  });
});

describe('text searches', () => {
  it('are searches with a query in either language', () => {
    expect(isTextSearch('/en/search?q=Reza')).toBe(true);
    expect(isTextSearch(`/fa/search?province=teh&q=${encodeURIComponent('رضا')}`)).toBe(true);
  });

  it('are not browse pages, empty queries or other documents', () => {
    expect(isTextSearch('/en/search')).toBe(false);
    expect(isTextSearch('/en/search?province=teh&cursor=abc')).toBe(false);
    expect(isTextSearch('/en/search?q=+')).toBe(false);
    expect(isTextSearch('/en/persons/x?q=Reza')).toBe(false);
  });
});

describe('public cache routes', () => {
  it("caches each collection's pages under their own URL (the collection is in the path, never a cookie)", () => {
    for (const url of ['/fa/collections/aban-1398', '/en/collections/dey-1401/statistics', '/en/collections/dey-1401/statistics/days.csv', '/fa/collections/aban-1398/feed.xml']) {
      expect(cacheKey('GET', url, {})).toBe(url);
    }
    expect(cacheKey('GET', '/fa/collections/aban-1398', { cookie: 'x=1' })).toBe('/fa/collections/aban-1398');
  });

  it('leaves submission (even a collection\'s way in), navigation payloads and other paths to Next', () => {
    expect(cacheKey('GET', '/fa/submit?collection=aban-1398', {})).toBeNull();
    expect(cacheKey('GET', '/fa/collections/aban-1398', { rsc: '1' })).toBeNull();
    expect(cacheKey('GET', '/fa/collections/aban-1398/persons', {})).toBeNull();
    expect(cacheKey('POST', '/fa/collections/aban-1398', {})).toBeNull();
  });
});
