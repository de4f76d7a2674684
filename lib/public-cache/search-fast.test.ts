// Which searches the public cache splices, and how: the shell rendered once per language and public
// data version (concurrent searches share its render), the app's answer spliced in, its 429 page
// passed on, and everything that cannot be spliced left to a render (null).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { searchPageNonce, searchShellPage } from '@/lib/testing/search-shell-page';
import type { Rendered, RenderResult } from './render.mjs';
import { searchSplicer, spliceable } from './search-fast.mjs';
import { installSearchShell } from './search-shell.mjs';
import { provideSearchAnswer, type SearchAnswer, type SearchAsk } from './search-source.mjs';

describe('the searches spliced', () => {
  it.each([
    ['/en/search?q=Rezaei', { locale: 'en', query: 'q=Rezaei' }],
    ['/fa/search?q=%D8%B1%D8%B6%D8%A7', { locale: 'fa', query: 'q=%D8%B1%D8%B6%D8%A7' }],
    ['/en/search?cursor=abc', { locale: 'en', query: 'cursor=abc' }],
    ['/en/search?cursor=abc&q=x+y', { locale: 'en', query: 'cursor=abc&q=x+y' }],
  ])('%s', (key, expected) => {
    expect(spliceable(key)).toEqual(expected);
  });

  it.each([
    '/en/search', // the first browse page: one page, rendered once per version
    '/en/search?',
    '/en/search?q=x&q=y', // one parameter twice
    '/en/search?q=\u0631', // not percent-encoded
    '/de/search?q=x',
    '/en/persons/x?q=y',
  ])('not %s', (key) => {
    expect(spliceable(key)).toBeNull();
  });
});

const tokens = installSearchShell();
const client = (method = 'GET') => ({ method, headers: { 'x-yadman-client-address': '203.0.113.9' } }) as unknown as IncomingMessage;
const shell = (): Rendered => ({ status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']], body: Buffer.from(searchShellPage(tokens)) });

function setUp(renderShell: (key: string) => Promise<RenderResult>, answer: (ask: SearchAsk) => Promise<SearchAnswer>) {
  const log = vi.fn();
  const asked: SearchAsk[] = [];
  provideSearchAnswer(async (ask) => (asked.push(ask), answer(ask)));
  const renders: string[] = [];
  const splicer = searchSplicer({ renderShell: (key) => (renders.push(key), renderShell(key)), placeholder: searchPageNonce, log });
  return { splicer, log, asked, renders };
}

const found = async (ask: SearchAsk): Promise<SearchAnswer> => ({ query: new URLSearchParams(ask.query).get('q') ?? '', results: '<p>2 people found</p>', version: 7 });

describe('a spliced search', () => {
  it('is the shell with its parts, the shell rendered once per language and version', async () => {
    const { splicer, asked, renders } = setUp(async () => shell(), found);
    const begun = splicer.begin('/en/search?q=Mohamad+Rezaei', client())!;
    expect(await begun.version).toBe(7);
    const page = (await begun.finish(7))!;
    expect(page.spliced).toBe(true);
    expect(page.status).toBe(200);
    expect(page.headers).toEqual(shell().headers);
    const text = page.body.toString();
    expect(text).toContain('value="Mohamad Rezaei"');
    expect(text).toContain('<div><p>2 people found</p></div>');
    expect(text).toContain('href="/fa/search?q=Mohamad+Rezaei"');
    expect(text).not.toContain(tokens.query);
    expect(text).not.toContain(tokens.results);
    expect(text).not.toContain(tokens.key);
    expect(asked).toEqual([{ locale: 'en', query: 'q=Mohamad+Rezaei', address: '203.0.113.9', head: false }]);
    // Concurrent and later searches of that version share its shell; a new version renders it again.
    await Promise.all(['a', 'b', 'c'].map((q) => splicer.begin(`/en/search?q=${q}`, client())!.finish(7)));
    expect(renders).toEqual([`/en/search?${tokens.key}`]);
    await splicer.begin('/fa/search?q=x', client())!.finish(7);
    await splicer.begin('/en/search?q=x', client())!.finish(8);
    expect(renders).toEqual([`/en/search?${tokens.key}`, `/fa/search?${tokens.key}`, `/en/search?${tokens.key}`]);
  });

  it("passes on the app's 429 page", async () => {
    const refused = { status: 429, headers: [['Retry-After', '30']] as [string, string][], body: Buffer.from('wait') };
    const { splicer } = setUp(async () => shell(), async () => ({ refused }));
    const begun = splicer.begin('/en/search?q=x', client('HEAD'))!;
    expect(await begun.version).toBeNull();
    expect(await begun.finish(3)).toBe(refused);
  });

  it('is left to a render when the answer fails, or the shell does (tried again by the next search)', async () => {
    let failing = true;
    const { splicer, renders } = setUp(
      async () => (failing ? null : shell()),
      async (ask) => {
        if (ask.query === 'q=fails') throw new Error('statement timeout');
        return found(ask);
      },
    );
    const failed = splicer.begin('/en/search?q=fails', client())!;
    expect(await failed.version).toBeNull();
    expect(await failed.finish(1)).toBeNull();
    expect(await splicer.begin('/en/search?q=x', client())!.finish(1)).toBeNull();
    failing = false;
    expect(await splicer.begin('/en/search?q=x', client())!.finish(1)).not.toBeNull();
    // The shell was asked for beside each search (the failed answer's too): two failed renders, then one kept.
    expect(renders.length).toBe(3);
    await splicer.begin('/en/search?q=y', client())!.finish(1);
    expect(renders.length).toBe(3);
  });

  it('is left to a render, and said once, when the shell cannot be used; until the version changes', async () => {
    const broken = (): Rendered => ({ ...shell(), body: Buffer.from(searchShellPage(tokens).replace(`value="${tokens.query}"`, 'value=""')) });
    const { splicer, log, renders } = setUp(async () => broken(), found);
    expect(await splicer.begin('/en/search?q=x', client())!.finish(1)).toBeNull();
    expect(await splicer.begin('/en/search?q=y', client())!.finish(1)).toBeNull();
    expect(renders.length).toBe(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/query html: found 0 times, expected 1/);
    await splicer.begin('/en/search?q=y', client())!.finish(2);
    expect(renders.length).toBe(2);
  });

  it('is never made of a value holding one of the marks', async () => {
    const { splicer } = setUp(async () => shell(), async (ask) => ({ ...(await found(ask)), results: `<p>${searchPageNonce}</p>` }));
    expect(await splicer.begin('/en/search?q=x', client())!.finish(1)).toBeNull();
  });

  it('is not begun for what it does not splice, and left to a render when the app declines it', async () => {
    const { splicer } = setUp(async () => shell(), async () => ({ declined: true }));
    expect(splicer.begin('/en/search?q=x&q=y', client())).toBeNull();
    expect(splicer.begin('/en', client())).toBeNull();
    const declined = splicer.begin('/en/search?q=x&sort=date', client())!;
    expect(await declined.version).toBeNull();
    expect(await declined.finish(1)).toBeNull();
  });
});
