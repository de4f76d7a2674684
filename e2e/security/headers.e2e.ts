// The response header contract (issue 7, docs/security.md): every class of response — page, action
// POST (with and without JavaScript, and malformed), route handler, API, feed, media, static file,
// 404, redirect — carries exactly these security headers. Written out here on purpose, apart from
// lib/security/headers.mjs: changing the contract must change this test too.
import type { APIResponse, Response } from '@playwright/test';
import nextPackage from 'next/package.json' with { type: 'json' };
import { demoPersonId } from '../../lib/seed/demo-persons';
import { recordFigure } from '../../lib/testing/security-figures';
import { signInForm } from '../support/accounts';
import { expect, test } from '../fixtures';

const baseline: Record<string, string> = {
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
};
const pagePolicy =
  /^default-src 'self'; script-src 'nonce-([A-Za-z0-9+/]{24})' 'strict-dynamic'; style-src 'self' 'nonce-\1'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; frame-ancestors 'none'; form-action 'self'$/;
const resourcePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Uploaded files also run sandboxed (an opaque origin) if a browser ever rendered one (issue 17). */
const mediaPolicy = `${resourcePolicy}; sandbox`;
/** Headers that would name the software or its version to a scanner. */
const banners = ['x-powered-by', 'server', 'via', 'x-aspnet-version', 'x-runtime'];

type Kind = 'document' | 'resource' | 'media';
type Caching = 'no-store' | 'public';
type Checked = { name: string; problems: string[] };
const checked: Checked[] = [];

/** Every way the response departs from the contract, as readable lines (empty: it matches). */
function contractProblems(headers: Record<string, string>, kind: Kind, caching: Caching): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(baseline)) {
    if (headers[name] !== value) problems.push(`${name}: ${headers[name] ?? '(missing)'}`);
  }
  const policy = headers['content-security-policy'] ?? '(missing)';
  if (kind === 'document' ? !pagePolicy.test(policy) : policy !== (kind === 'media' ? mediaPolicy : resourcePolicy)) problems.push(`content-security-policy: ${policy}`);
  const cache = headers['cache-control'] ?? '';
  if (caching === 'no-store' && !/\bno-store\b/.test(cache)) problems.push(`cache-control: ${cache || '(missing)'}`);
  for (const name of banners) if (headers[name] !== undefined) problems.push(`${name}: ${headers[name]}`);
  for (const [name, value] of Object.entries(headers)) {
    if (value.includes(nextPackage.version)) problems.push(`${name} names the version: ${value}`);
  }
  return problems;
}

function check(name: string, response: Response | APIResponse, kind: Kind, caching: Caching) {
  const problems = contractProblems(response.headers(), kind, caching);
  checked.push({ name, problems });
  expect.soft(problems, `${name} (${response.url()})`).toEqual([]);
}

// Several page loads per test on a shared 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('pages, 404s and redirects carry the page contract with a nonce on every script', async ({ page, request }) => {
  const home = await page.goto('/en');
  check('page /en', home!, 'document', 'public');
  const nonce = pagePolicy.exec(home!.headers()['content-security-policy'] ?? '')?.[1];
  const html = await home!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)), 'scripts without this response’s nonce').toEqual([]);
  expect(html, 'no generator or version banner in the page').not.toContain(nextPackage.version);

  const person = await page.goto(`/en/persons/demo-arash-example-${demoPersonId('demo-arash-example')}`);
  expect(person!.status()).toBe(200);
  check('person page', person!, 'document', 'public');
  check('submission page', (await page.goto('/en/sign-in?next=/en/submit'))!, 'document', 'no-store');
  const notFound = await page.goto('/en/no-such-page');
  expect(notFound!.status()).toBe(404);
  check('404 page under a locale', notFound!, 'document', 'no-store');
  const fileNotFound = await page.goto('/no-such-file.txt');
  expect(fileNotFound!.status()).toBe(404);
  check('404 page of a file path, opened in the browser', fileNotFound!, 'document', 'no-store');

  const redirect = await request.get('/', { headers: { 'Accept-Language': 'fa' }, maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  check('locale redirect', redirect, 'document', 'no-store');
});

test('server action POSTs carry the page contract, with and without JavaScript', async ({ page, browser }) => {
  await page.goto('/en/sign-in');
  const form = signInForm(page);
  await form.getByLabel('Username').fill('no-such-user-headers');
  await form.getByLabel('Passphrase').fill('a wrong passphrase for headers');
  const [action] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  check('action POST (JavaScript)', action, 'document', 'no-store');

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto('/en/sign-in');
  const plainForm = signInForm(plain);
  await plainForm.getByLabel('Username').fill('no-such-user-headers');
  await plainForm.getByLabel('Passphrase').fill('a wrong passphrase for headers');
  const [post] = await Promise.all([
    plain.waitForResponse((r) => r.request().method() === 'POST'),
    plainForm.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  check('action POST (no JavaScript)', post, 'document', 'no-store');
  await noScript.close();
});

test('route handlers, API, feed, media, static files and errors carry the resource contract', async ({ page, request }) => {
  await page.goto('/en');
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  // Responses under a locale path (/en/…) get the page policy whatever they are; others the
  // resource policy unless the browser opens them as a document.
  const resources: [string, string, Caching, number, Kind?][] = [
    ['static script', script!, 'public', 200],
    ['static stylesheet', stylesheet!, 'public', 200],
    ['public file', '/icon.svg', 'public', 200],
    ['route handler', '/api/health', 'no-store', 200],
    ['API', '/api/v1/persons', 'public', 200],
    // Public: an unknown id and an unpublished one are the same cacheable answer.
    ['API 404', '/api/v1/persons/00000000-0000-4000-8000-000000000000', 'public', 404],
    ['open data CSV', '/api/v1/persons.csv', 'public', 200],
    ['feed', '/en/feed.xml', 'public', 200],
    ['media 404', '/api/media/00000000-0000-4000-8000-000000000000', 'no-store', 404, 'media'],
    ['sign-out GET (405)', '/en/sign-out', 'no-store', 405, 'document'],
    ['404 of a file path, fetched', '/no-such-file.txt', 'no-store', 404],
  ];
  for (const [name, url, caching, status, kind = 'resource'] of resources) {
    const response = await request.get(url);
    expect(response.status(), name).toBe(status);
    check(name, response, kind, caching);
  }
  const refused = await request.post('/en/sign-out', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  expect(refused.status()).toBe(403);
  check('route handler POST refused (403)', refused, 'document', 'no-store');
});

test('a malformed action post, refused, carries the page contract and no stack trace', async ({ page, request }) => {
  // A no-JavaScript action post whose bound arguments are not a reference: the action gets no form
  // and refuses it (it was a TypeError and a 500, then the only 500 the app could be made to give
  // from outside; e2e/security/direct-facing.e2e.ts checks the server logs no crash for it).
  await page.goto('/en/sign-in');
  const id = await page.locator('input[name^="$ACTION_"][name$=":0"]').first().evaluate((input: HTMLInputElement) => JSON.parse(input.value).id as string);
  const form = page.locator('input[name^="$ACTION_REF_"]').first();
  const ref = (await form.getAttribute('name'))!.replace('$ACTION_REF_', '');
  const response = await request.post('/en/sign-in', {
    headers: { Origin: new URL(page.url()).origin, 'Sec-Fetch-Site': 'same-origin', Accept: 'text/html' },
    multipart: { [`$ACTION_REF_${ref}`]: '', [`$ACTION_${ref}:0`]: JSON.stringify({ id, bound: 5 }), [`$ACTION_${ref}:1`]: '[]' },
  });
  expect(response.status()).toBe(200);
  // The sign-in page again, with no stack frame or error name in it.
  expect(await response.text()).not.toMatch(/\bat \S+ \(\S+:\d+:\d+\)|TypeError/);
  check('malformed action post (refused)', response, 'document', 'no-store');
});

test.afterAll(() => {
  const failing = checked.filter((c) => c.problems.length > 0);
  recordFigure({ figure: 'response classes checked against the header contract', measured: checked.length, target: '≥ 20', ok: checked.length >= 20 });
  recordFigure({ figure: 'responses not matching the header contract', measured: failing.length, target: '0', ok: failing.length === 0 });
});
