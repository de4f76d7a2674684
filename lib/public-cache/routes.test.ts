import { describe, expect, it } from 'vitest';
import { cacheKey } from './routes.mjs';

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
