// The splice of a search into its page's shell: what the browser reads back from the spliced page
// (the HTML's attributes and markup, the RSC payload as Next's client decodes it) is each value
// exactly, for values that need every escape; and a shell whose parts are not where they must be,
// or a value holding one of the cache's marks, is never spliced.
import { describe, expect, it } from 'vitest';
import { nextSearchPage as nextPage, searchPageNonce, searchShellPage } from '@/lib/testing/search-shell-page';
import { installRenderSlot } from './render-slot.mjs';
import { installSearchShell, parseShell, payloadText, shellPlaceholders, splice, urlParts, type Shell } from './search-shell.mjs';

const tokens = installSearchShell();
const nonce = searchPageNonce;
const marks = [tokens.key, tokens.query, tokens.results, nonce];
const shellPage = () => searchShellPage(tokens);

/** What the browser reads: the payload as the client decodes it, the HTML's attribute values and markup. */
function read(page: string) {
  const decoded = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const scripts = [...page.matchAll(/<script nonce="[^"]*">self\.__next_f\.push\((.*?)\)<\/script>/g)].map((m) => JSON.parse(m[1]!) as [number, string]);
  const rows = Object.fromEntries(
    scripts
      .map(([, chunk]) => chunk)
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((row) => [row.slice(0, row.indexOf(':')), JSON.parse(row.slice(row.indexOf(':') + 1))]),
  );
  // React Flight's client: a string starting with `$$` is the string less one `$`.
  const flight = (s: string) => (s.startsWith('$$') ? s.slice(1) : s);
  const html = page.replace(/<script.*?<\/script>/g, '');
  return {
    payload: {
      query: flight(rows['29'][3].defaultValue),
      results: flight(rows.c[3].dangerouslySetInnerHTML.__html),
      canonical: (rows['0'].c as string[]).join('/'),
      search: rows['0'].q as string,
    },
    html: {
      query: decoded(/value="([^"]*)"/.exec(html)![1]!),
      results: /<div>(.*)<\/div>/s.exec(html)![1]!,
      link: decoded(/href="([^"]*)"/.exec(html)![1]!),
    },
  };
}

const hostile = [
  'Mohamad Rezaei',
  'a"b\'c<d>e&f',
  '$x',
  '$$y',
  '$@1',
  'back\\slash \\u003c \\n',
  'line\nbreak\ttab\r',
  'محمد رضایی ‌ قلی‌پور',
  'x\u2028y\u2029z',
  '</script><script>alert(1)</script>',
  '<!-- <script>',
  '{"a":1}',
  '  spaced  ',
  '😀 emoji',
];

describe('a search spliced into the shell', () => {
  const shell = parseShell(Buffer.from(shellPage()), tokens) as Shell;

  it('finds every part where Next puts it', () => {
    expect(typeof shell).toBe('object');
    expect(shell.spots).toEqual([
      { part: 'params', place: 'html' },
      { part: 'query', place: 'html' },
      { part: 'results', place: 'html' },
      { part: 'params', place: 'payload' },
      { part: 'search', place: 'payload' },
      { part: 'query', place: 'payload' },
      { part: 'results', place: 'payload' },
    ]);
  });

  it.each(hostile)('reads back %j exactly, in the HTML and in the payload', (value) => {
    const url = `q=${encodeURIComponent(value)}&cursor=${encodeURIComponent('WyJyZWxldmFuY2UiXQ')}`;
    const results = `<p data-testid="result-count">1 found</p><ul><li><a href="/en/persons/x">${value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</a></li></ul>`;
    const spliced = splice(shell, { query: value, results, ...urlParts(url) }, marks)!.toString();
    const back = read(spliced);
    expect(back.payload.query).toBe(value);
    expect(back.html.query).toBe(value);
    expect(back.payload.results).toBe(results);
    expect(back.html.results).toBe(results);
    // The URL as Next writes it: URLSearchParams' serialization and encodeURIComponent's.
    expect(back.payload.canonical).toBe(`/en/search?${new URLSearchParams(url)}`);
    expect(back.html.link).toBe(`/fa/search?${new URLSearchParams(url)}`);
    expect(back.payload.search).toBe(`?q=${encodeURIComponent(value)}&cursor=WyJyZWxldmFuY2UiXQ`);
    // Byte for byte the page Next lays out for these values (the `$` escape as React Flight's).
    const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);
    expect(spliced).toBe(nextPage({ query: value, results, ...urlParts(url) }, escape, (s) => (s.startsWith('$') ? `$${s}` : s)));
  });

  it('never splices a value holding a token or the nonce placeholder', () => {
    const url = 'q=x';
    for (const mark of marks) {
      expect(splice(shell, { query: `a ${mark} b`, results: '', ...urlParts(url) }, marks)).toBeNull();
      expect(splice(shell, { query: 'a', results: `<p>${mark}</p>`, ...urlParts(url) }, marks)).toBeNull();
      expect(splice(shell, { query: 'a', results: '', ...urlParts(`q=${mark}`) }, marks)).toBeNull();
    }
  });
});

describe('a shell that cannot be used', () => {
  const page = shellPage();
  it.each([
    ['a part missing', page.replace(`value="${tokens.query}"`, 'value=""')],
    ['a part twice', page.replace('</body>', `<div>${tokens.results}</div></body>`)],
    ['a part in another attribute', page.replace('lang="fa"', `lang="fa" title="${tokens.query}"`)],
    ['the URL in another form', page.replace(`search?${tokens.key}=`, `search?${tokens.key}`)],
    ['a payload that does not end', page.replace('"])</script></body>', '"]</body>')],
  ])('is refused: %s', (_, broken) => {
    expect(typeof parseShell(Buffer.from(broken), tokens)).toBe('string');
  });
});

describe('a value in the payload', () => {
  it('is escaped as Next escapes its inline script (<, >, &, U+2028, U+2029), inside two JSON strings', () => {
    expect(payloadText('<a href="x">&\u2028', false)).toBe('\\u003ca href=\\\\\\"x\\\\\\"\\u003e\\u0026\\u2028');
    expect(payloadText('$', true)).toBe('$$');
    expect(payloadText('$', false)).toBe('$');
  });
});

describe('the page renders the shell', () => {
  it("only for the cache's own render (its nonce is the placeholder) of the secret key alone", () => {
    const { placeholder } = installRenderSlot();
    expect(shellPlaceholders(placeholder, [tokens.key])).toEqual({ query: tokens.query, results: tokens.results });
    expect(shellPlaceholders('a fresh nonce of a reader', [tokens.key])).toBeNull();
    expect(shellPlaceholders(null, [tokens.key])).toBeNull();
    expect(shellPlaceholders(placeholder, ['q'])).toBeNull();
    expect(shellPlaceholders(placeholder, [tokens.key, 'q'])).toBeNull();
  });
});
