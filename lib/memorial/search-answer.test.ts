// The order that keeps a spliced search's kept page true to its version: the query starts only once
// the count (which reads the public data version) has answered, so its snapshot is at least as new as
// the version the public cache keeps the page under. A query started beside its count could take its
// snapshot before a withdrawal whose new version the count then read: the old results, kept under the
// new version, until the next change.
import { afterEach, describe, expect, it, vi } from 'vitest';

const order: string[] = [];
let answerCount: (value: { wait: number; version: number | null }) => void = () => {};

vi.mock('@/lib/abuse/public-reads', async (original) => ({
  ...(await original<typeof import('@/lib/abuse/public-reads')>()),
  // As if this process knew the address had room left (the case an earlier design ran the query beside its count).
  publicReadSurelyAllowed: () => true,
  countPublicRead: vi.fn(() => {
    order.push('count asked');
    return new Promise((resolve) => {
      answerCount = (value) => {
        order.push('count answered');
        resolve(value);
      };
    });
  }),
}));
vi.mock('./search', async (original) => ({
  ...(await original<typeof import('./search')>()),
  listPublishedPersons: vi.fn(async () => {
    order.push('query');
    return { items: [], total: 0, more: false, next: null };
  }),
}));
vi.mock('@/components/memorial/search-results', () => ({ searchResultsHtml: () => ({ value: '<ol></ol>' }) }));

const { answerSearch } = await import('./search-answer');

describe('a spliced search', () => {
  afterEach(() => {
    order.length = 0;
  });

  it('starts its query only after its count has read the version, and is kept under that version', async () => {
    const answering = answerSearch({} as never, { locale: 'en', query: 'q=Shirin', address: '203.0.113.9', head: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['count asked']);
    answerCount({ wait: 0, version: 1_800_000_000_000_001 });
    const answer = await answering;
    expect(order).toEqual(['count asked', 'count answered', 'query']);
    expect(answer).toMatchObject({ query: 'Shirin', version: 1_800_000_000_000_001 });
  });

  it('runs no query when the count refuses it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const answering = answerSearch({} as never, { locale: 'en', query: 'q=Shirin', address: '203.0.113.9', head: false });
      await Promise.resolve();
      answerCount({ wait: 30, version: 5 });
      await vi.runAllTimersAsync();
      expect(await answering).toHaveProperty('refused');
      expect(order).not.toContain('query');
    } finally {
      vi.useRealTimers();
    }
  });
});
