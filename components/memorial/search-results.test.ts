// The search results as one string (the page's and the public cache's splice): every value from the
// data or the URL escaped, the markup React would have rendered for the same elements, Persian
// digits on Persian pages, and the paging links carrying the query.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PublicPersonSummary } from '@/lib/memorial/dto';
import { html } from '@/lib/security/html.mjs';
import { personListHtml } from './person-list';
import { searchResultsHtml } from './search-results';

const person = (over: Partial<PublicPersonSummary> = {}): PublicPersonSummary => ({
  id: '0b6e0d4e-5a36-4c5e-9a43-0d6c4f0b7d11',
  slug: 'ali-rezaei-0123456789abcdef',
  collectionSlug: 'aban-1398',
  nameFa: 'علی رضایی',
  nameLatin: 'Ali Rezaei',
  gender: 'male',
  age: 27,
  incidentDate: '2019-11-16',
  incidentDatePrecision: 'exact',
  province: 'IR-23',
  city: 'Tehran',
  outcome: 'killed',
  perpetrator: 'unknown',
  verification: 'verified',
  publishedAt: '2024-01-01T00:00:00.000Z',
  ...over,
});

const hostile = `<script>alert("x")</script> & 'quoted'`;

describe('the results string', () => {
  it('escapes every value as React escapes text and attributes', () => {
    const list = personListHtml({ persons: [person({ nameLatin: hostile, nameFa: hostile, city: hostile })], locale: 'en' }).value;
    expect(list).not.toContain('<script>');
    const react = renderToStaticMarkup(createElement('bdi', null, hostile));
    expect(list).toContain(react);
    expect(list).toContain('<a href="/en/persons/ali-rezaei-0123456789abcdef-0b6e0d4e-5a36-4c5e-9a43-0d6c4f0b7d11">');
    expect(html`<a href="${hostile}">${hostile}</a>`.value).toBe(renderToStaticMarkup(createElement('a', { href: hostile }, hostile)));
  });

  it('reads on a Persian page in Persian, with Persian digits', () => {
    const results = searchResultsHtml({
      locale: 'fa',
      query: { q: 'رضایی', locale: 'fa' },
      result: { items: [person()], total: 1234, more: true, limit: 20, next: ['relevance', 2, '2024-01-01T00:00:00.000000Z', 'x'] as never },
    }).value;
    expect(results).toContain('بیش از ۱٬۲۳۴ نفر پیدا شد');
    expect(results).toContain('سن ۲۷');
    expect(results).toContain('<p class="text-sm text-muted" lang="en" dir="auto">Ali Rezaei</p>');
    // The next page keeps the query; no first-page link on the first page.
    expect(results).toMatch(/<nav aria-label="صفحه‌های نتیجه" class="mt-4 flex gap-4"><a href="\/fa\/search\?q=%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C&amp;cursor=[^"]+">صفحهٔ بعد<\/a><\/nav>$/);
  });

  it('says when no one is found and offers to browse everyone', () => {
    const results = searchResultsHtml({ locale: 'en', query: { q: hostile, locale: 'en' }, result: { items: [], total: 0, more: false, limit: 20, next: null } }).value;
    expect(results).toContain('<p class="mt-1 text-muted" data-testid="result-count">No one found</p>');
    expect(results).toContain('No one matches this search.');
    expect(results).toContain('<a href="/en/search">Browse everyone documented</a>');
    expect(results).not.toContain('<nav');
  });
});
