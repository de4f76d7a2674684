// The public cache (lib/public-cache, scripts/server.mjs): a cached document depends on its URL
// alone. A request with forged Host, X-Forwarded-* headers, a cookie and another Accept-Language
// may fill the cache, and what every other reader then gets from it names only the configured
// public origin (AUTH_URL); a signed-in reader gets the same public page as everyone.
import http from 'node:http';
import { signIn, demoPassphrase } from './support/accounts';
import { expect, test } from './fixtures';

const forged = {
  host: 'attacker.example',
  'x-forwarded-host': 'attacker.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '8443',
  'accept-language': 'fa',
  cookie: 'yadman.session=forged; NEXT_LOCALE=fa',
};

/** A GET with exactly these headers (fetch and Playwright would set Host themselves). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const withoutNonce = (html: string, headers: http.IncomingHttpHeaders | Record<string, string>) => {
  const nonce = /'nonce-([^']+)'/.exec(String(headers['content-security-policy'] ?? ''))?.[1];
  return nonce ? html.replaceAll(nonce, 'NONCE') : html;
};

test('a forged Host fills the cache with nothing but the configured origin', async ({ baseURL, request }) => {
  const origin = new URL(baseURL!).origin;
  const listing = await (await request.get('/en/search')).text();
  const personPath = /href="(\/en\/persons\/[^"?#]+)"/.exec(listing)![1]!;
  // Query strings no one else has asked for: the forged request is the one that renders each document.
  const tag = `forged-${Date.now()}`;
  const documents = [
    `${personPath}?ref=${tag}`,
    `/en/search?q=${tag}`,
    `/en/feed.xml?ref=${tag}`,
    // The API refuses unknown parameters: leading zeros (limit=0…02 is 2) make the URL new.
    `/api/v1/persons?limit=${'0'.repeat(1 + (Date.now() % 200))}2`,
    `/sitemap.xml?ref=${tag}`,
  ];
  for (const path of documents) {
    const first = await rawGet(baseURL!, path, forged);
    expect(first.status, path).toBe(200);
    // A search is spliced into its page's shell (lib/public-cache/search-fast.mjs), the rest rendered.
    expect(first.headers['x-cache'], path).toBe(path.includes('/search?q=') ? 'spliced' : 'miss');
    const after = await request.get(path);
    expect(after.headers()['x-cache'], path).toBe('hit');
    const body = await after.text();
    expect(body, path).not.toContain('attacker.example');
    // The forged port, as a port: a bare '8443' also occurs inside record ids.
    expect(body, path).not.toContain(':8443');
    expect(first.body, path).not.toContain('attacker.example');
    expect(withoutNonce(body, after.headers()), path).toBe(withoutNonce(first.body, first.headers));
  }
  expect(await (await request.get(documents[3]!)).text()).toContain(`"${origin}/en/persons/`);
  const person = await (await request.get(documents[0]!)).text();
  expect(person).toContain(`<link rel="canonical" href="${origin}${personPath}"`);
  // English stays English whatever the forged request's Accept-Language and cookie said.
  expect(person).toContain('<html lang="en"');
  const robots = await rawGet(baseURL!, '/robots.txt', forged);
  expect(robots.body).toContain(`Sitemap: ${origin}/sitemap.xml`);
});

test('a signed-in reader gets the same public page as everyone, and nothing of theirs is kept', async ({ page, baseURL, request }) => {
  const path = `/en/search?ref=signed-in-${Date.now()}`;
  await signIn(page, 'demo-submitter', demoPassphrase, '/en/my-testimonies');
  await expect(page).toHaveURL(/\/en\/my-testimonies/);
  const signedIn = await page.request.get(path);
  expect(signedIn.headers()['x-cache']).toBe('miss');
  const anonymous = await request.get(path);
  expect(anonymous.headers()['x-cache']).toBe('hit');
  expect(withoutNonce(await anonymous.text(), anonymous.headers())).toBe(withoutNonce(await signedIn.text(), signedIn.headers()));
  expect(signedIn.headers()['set-cookie']).toBeUndefined();
  expect(new URL(baseURL!).origin).toBeTruthy();
});

test('a cached page works in the browser, with and without JavaScript, under its fresh nonce', async ({ page, browser, cspViolations }) => {
  await page.goto('/en/search');
  await page.goto('/en/search');
  await page.getByRole('link', { name: 'Statistics' }).first().click();
  await expect(page).toHaveURL(/\/en\/statistics$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(new URL('/fa', page.url()).toString());
  await expect(plain.locator('html')).toHaveAttribute('dir', 'rtl');
  await noScript.close();
  expect(cspViolations).toEqual([]);
});
